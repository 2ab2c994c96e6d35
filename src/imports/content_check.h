// Content checks for uploaded import files: the bytes decide what a file is,
// never its name, so a picture or an archive renamed to .csv is rejected.
#pragma once

#include <string>
#include <string_view>

namespace techmarket::imports {

// Returns the MIME type that libmagic finds in `content`, such as
// "text/csv" or "image/png". Throws std::runtime_error when libmagic or its
// database cannot be loaded.
std::string detect_mime_type(std::string_view content);

// True for the types a CSV or JSON lines file is detected as: any text/*
// type, application/json and application/x-ndjson.
bool is_importable_mime_type(std::string_view mime_type);

// Returns ".jsonl" when the first non-blank character of `content` (after a
// byte order mark) is "{", else ".csv": the extension under which the
// importer reads the stored upload.
std::string import_extension_for(std::string_view content);

}  // namespace techmarket::imports
