// Routes of deals. Every route needs a signed-in user; API tokens are
// rejected. Members see the deals of their organization and those they
// opened, officers read every deal, staff and administrators see and act on
// every deal.
//   POST /api/v1/deals                       open a deal (an expression of interest, or
//                                             by staff or an intermediary)
//   GET  /api/v1/deals                       list, filter stage; cursor, limit
//   GET  /api/v1/deals/{id}                  read
//   POST /api/v1/deals/{id}/stage            move to another stage
//   GET  /api/v1/deals/{id}/messages         list messages, oldest first
//   POST /api/v1/deals/{id}/messages         post {"body"}
//   GET  /api/v1/deals/{id}/documents        list documents
//   POST /api/v1/deals/{id}/documents        upload the raw body; X-File-Name names the file
//   GET  /api/v1/deals/{id}/documents/{document_id}  download
#include "deals/deal_routes.h"

#include <fmt/format.h>

#include "common/pagination.h"
#include "http/params.h"
#include "http/url.h"

namespace techmarket::deals {
namespace {

template <typename Page>
nlohmann::json page_json(const Page& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  return {{"items", items},
          {"next_cursor", page.next_after_id ? nlohmann::json(encode_cursor(*page.next_after_id))
                                             : nlohmann::json(nullptr)}};
}

std::int64_t cursor_of(const http::Request& request) {
  auto cursor = request.query_value("cursor");
  return cursor && !cursor->empty() ? decode_cursor(*cursor) : 0;
}

// Encodes `name` for the filename* parameter of Content-Disposition (RFC 6266,
// RFC 5987): bytes other than letters, digits and a few marks become %XX.
std::string encode_file_name(const std::string& name) {
  std::string encoded;
  for (unsigned char c : name) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '-' || c == '_';
    encoded += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return encoded;
}

// Reads the X-File-Name header, percent-decoded so that names outside ASCII
// can travel in a header.
std::string file_name_of(const http::Request& request) {
  auto header = request.header("x-file-name");
  if (!header) return {};
  auto decoded = http::percent_decode(*header, false);
  if (!decoded) {
    throw BadRequestError(
        "The X-File-Name header contains a malformed percent escape; encode the name as UTF-8 "
        "with %XX escapes");
  }
  return *decoded;
}

}  // namespace

void add_deal_routes(http::Router& router, DealService& service) {
  const auto user = http::Access::signed_in();

  router.add("POST", "/api/v1/deals", user, [&service](http::Request& request) {
    auto deal = service.open(request.principal, http::json_body(request));
    auto response = http::json_response(201, to_json(deal));
    response.headers.emplace_back("Location", "/api/v1/deals/" + std::to_string(deal.id));
    return response;
  });

  router.add("GET", "/api/v1/deals", user, [&service](http::Request& request) {
    DealFilter filter;
    filter.stage = http::query_choice(request, "stage", kStages);
    filter.after_id = cursor_of(request);
    filter.limit = parse_page_size(request.query_value("limit"));
    return http::json_response(200, page_json(service.list(request.principal, filter)));
  });

  router.add("GET", "/api/v1/deals/{id}", user, [&service](http::Request& request) {
    return http::json_response(200,
                               to_json(service.get(request.principal, http::path_id(request))));
  });

  router.add("POST", "/api/v1/deals/{id}/stage", user, [&service](http::Request& request) {
    auto id = http::path_id(request);
    return http::json_response(
        200, to_json(service.change_stage(request.principal, id, http::json_body(request))));
  });

  router.add("GET", "/api/v1/deals/{id}/messages", user, [&service](http::Request& request) {
    auto id = http::path_id(request);
    auto limit = parse_page_size(request.query_value("limit"));
    return http::json_response(
        200, page_json(service.list_messages(request.principal, id, cursor_of(request), limit)));
  });

  router.add("POST", "/api/v1/deals/{id}/messages", user, [&service](http::Request& request) {
    auto id = http::path_id(request);
    return http::json_response(
        201, to_json(service.post_message(request.principal, id, http::json_body(request))));
  });

  router.add("GET", "/api/v1/deals/{id}/documents", user, [&service](http::Request& request) {
    auto id = http::path_id(request);
    auto limit = parse_page_size(request.query_value("limit"));
    return http::json_response(
        200, page_json(service.list_documents(request.principal, id, cursor_of(request), limit)));
  });

  router.add("POST", "/api/v1/deals/{id}/documents", user, [&service](http::Request& request) {
    auto id = http::path_id(request);
    auto document =
        service.upload_document(request.principal, id, request.body, file_name_of(request));
    auto response = http::json_response(201, to_json(document));
    response.headers.emplace_back("Location", to_json(document)["download"].get<std::string>());
    return response;
  });

  router.add("GET", "/api/v1/deals/{id}/documents/{document_id}", user,
             [&service](http::Request& request) {
               auto file = service.read_document(request.principal, http::path_id(request),
                                                 http::path_id(request, "document_id"));
               http::Response response;
               response.status = 200;
               response.content_type = file.document.content_type;
               response.body = std::move(file.bytes);
               response.headers.emplace_back(
                   "Content-Disposition",
                   "attachment; filename*=UTF-8''" + encode_file_name(file.document.file_name));
               return response;
             });
}

}  // namespace techmarket::deals
