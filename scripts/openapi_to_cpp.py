#!/usr/bin/env python3
"""Convert docs/openapi.yaml to JSON inside a C++ source file, so the program
serves the document without reading files at run time.

    scripts/openapi_to_cpp.py docs/openapi.yaml build/generated/openapi_document.cpp
"""

import json
import sys

import yaml


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as stream:
        document = yaml.safe_load(stream)
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    if ")openapi\"" in text:
        sys.exit("openapi_to_cpp: the document contains the raw-string delimiter")
    with open(target, "w", encoding="utf-8") as out:
        out.write("// Generated from docs/openapi.yaml by scripts/openapi_to_cpp.py; do not edit.\n")
        out.write('#include "app/openapi.h"\n\n')
        out.write("namespace techmarket::app {\n\n")
        out.write("std::string_view openapi_json() {\n")
        out.write('  static constexpr std::string_view kDocument = R"openapi(')
        out.write(text)
        out.write(')openapi";\n  return kDocument;\n}\n\n}  // namespace techmarket::app\n')


if __name__ == "__main__":
    main()
