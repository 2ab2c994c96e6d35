#include "search/index.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <xapian.h>

#include <mutex>
#include <nlohmann/json.hpp>

#include "text/fold.h"
#include "text/tone.h"

namespace techmarket::search {
namespace {

// Boolean term prefixes, following Xapian's convention of X for our own.
constexpr const char* kTypePrefix = "XT";
constexpr const char* kKindPrefix = "XK";
constexpr const char* kFieldPrefix = "XF";
constexpr const char* kTrlPrefix = "XR";
constexpr const char* kProvincePrefix = "XP";
constexpr const char* kStatusPrefix = "XS";
// Words as written (lower case, tone marks in one placement), so that a query
// typed with diacritics ranks exact matches above folded ones.
constexpr const char* kExactPrefix = "E";

std::string exact_form(const std::string& text) {
  return text::canonicalize_tones(text::to_nfc(text));
}

Xapian::Query filter_term(const char* prefix, const std::string& value) {
  return Xapian::Query(prefix + text::fold(value));
}

}  // namespace

std::string unique_term(const std::string& record_type, std::int64_t id) {
  return fmt::format("Q{}:{}", record_type, id);
}

struct SearchIndex::Impl {
  std::filesystem::path directory;
  std::mutex write_mutex;
  Xapian::WritableDatabase writer;
  Xapian::Stem stemmer{"english"};

  mutable std::mutex readers_mutex;
  mutable std::vector<std::unique_ptr<Xapian::Database>> idle_readers;

  std::unique_ptr<Xapian::Database> take_reader() const {
    {
      std::lock_guard lock(readers_mutex);
      if (!idle_readers.empty()) {
        auto reader = std::move(idle_readers.back());
        idle_readers.pop_back();
        reader->reopen();
        return reader;
      }
    }
    return std::make_unique<Xapian::Database>(directory.string());
  }

  void return_reader(std::unique_ptr<Xapian::Database> reader) const {
    std::lock_guard lock(readers_mutex);
    idle_readers.push_back(std::move(reader));
  }

  Xapian::Query build_query(const SearchQuery& query) const {
    std::string folded = text::fold(query.text);
    Xapian::Query text_query = Xapian::Query::MatchAll;
    if (folded.find_first_not_of(' ') != std::string::npos) {
      Xapian::QueryParser parser;
      parser.set_stemmer(stemmer);
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      parser.set_default_op(Xapian::Query::OP_AND);
      try {
        text_query = parser.parse_query(
            folded, Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_LOVEHATE);
      } catch (const Xapian::QueryParserError&) {
        // Unbalanced quotes and the like: read the words literally instead.
        text_query = parser.parse_query(folded, 0);
      }

      // Adds weight, never matches: exact-accent words only reorder the hits.
      Xapian::QueryParser exact_parser;
      exact_parser.set_default_op(Xapian::Query::OP_OR);
      Xapian::Query exact = exact_parser.parse_query(exact_form(query.text), 0, kExactPrefix);
      if (!exact.empty()) {
        text_query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, text_query, exact);
      }
    }

    std::vector<Xapian::Query> filters = {filter_term(kStatusPrefix, query.status)};
    if (query.record_type) filters.push_back(filter_term(kTypePrefix, *query.record_type));
    if (query.kind) filters.push_back(filter_term(kKindPrefix, *query.kind));
    if (query.st_field) filters.push_back(filter_term(kFieldPrefix, *query.st_field));
    if (query.trl) filters.push_back(filter_term(kTrlPrefix, std::to_string(*query.trl)));
    if (query.province_code) {
      filters.push_back(filter_term(kProvincePrefix, *query.province_code));
    }
    return Xapian::Query(Xapian::Query::OP_FILTER, text_query,
                         Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
  }
};

SearchIndex::SearchIndex(std::filesystem::path directory) : impl_(new Impl{}) {
  impl_->directory = std::move(directory);
  std::filesystem::create_directories(impl_->directory);
  impl_->writer = Xapian::WritableDatabase(impl_->directory.string(), Xapian::DB_CREATE_OR_OPEN);
}

SearchIndex::~SearchIndex() {
  try {
    impl_->writer.close();
  } catch (const Xapian::Error& e) {
    spdlog::error("event=index_close_failed error=\"{}\"", e.get_description());
  }
}

void SearchIndex::replace(const SearchDocument& document) {
  Xapian::Document entry;
  Xapian::TermGenerator generator;
  generator.set_stemmer(impl_->stemmer);
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  generator.set_document(entry);
  for (const auto& [text, weight] : document.texts) {
    generator.index_text(text::fold(text), weight);
    generator.increase_termpos();
    generator.index_text_without_positions(exact_form(text), weight, kExactPrefix);
  }

  entry.add_boolean_term(std::string(kTypePrefix) + document.record_type);
  entry.add_boolean_term(std::string(kStatusPrefix) + document.status);
  if (!document.kind.empty()) entry.add_boolean_term(kKindPrefix + text::fold(document.kind));
  if (document.st_field) {
    // A record filed under "2.5" is also found by a filter on its top field "2".
    std::string field = *document.st_field;
    entry.add_boolean_term(kFieldPrefix + field);
    auto dot = field.find('.');
    if (dot != std::string::npos) entry.add_boolean_term(kFieldPrefix + field.substr(0, dot));
  }
  if (document.trl) entry.add_boolean_term(kTrlPrefix + std::to_string(*document.trl));
  if (document.province_code) entry.add_boolean_term(kProvincePrefix + *document.province_code);

  std::string id_term = unique_term(document.record_type, document.id);
  entry.add_boolean_term(id_term);
  nlohmann::json data = {{"type", document.record_type},
                         {"id", document.id},
                         {"kind", document.kind},
                         {"title", document.title}};
  entry.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));

  std::lock_guard lock(impl_->write_mutex);
  impl_->writer.replace_document(id_term, entry);
}

void SearchIndex::remove(const std::string& record_type, std::int64_t id) {
  std::lock_guard lock(impl_->write_mutex);
  impl_->writer.delete_document(unique_term(record_type, id));
}

void SearchIndex::commit() {
  std::lock_guard lock(impl_->write_mutex);
  impl_->writer.commit();
}

void SearchIndex::clear() {
  std::lock_guard lock(impl_->write_mutex);
  for (auto term = impl_->writer.allterms_begin("Q"); term != impl_->writer.allterms_end("Q");
       ++term) {
    impl_->writer.delete_document(*term);
  }
}

SearchResult SearchIndex::search(const SearchQuery& query) const {
  Xapian::Query built = impl_->build_query(query);
  auto reader = impl_->take_reader();
  SearchResult result;
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Enquire enquire(*reader);
      enquire.set_query(built);
      enquire.set_weighting_scheme(Xapian::BM25Weight());
      Xapian::MSet matches = enquire.get_mset(static_cast<Xapian::doccount>(query.offset),
                                              static_cast<Xapian::doccount>(query.limit),
                                              static_cast<Xapian::doccount>(kExactTotalLimit));
      result.total = matches.get_matches_estimated();
      result.has_more = query.offset + matches.size() < matches.get_matches_lower_bound();
      for (auto match = matches.begin(); match != matches.end(); ++match) {
        auto data = nlohmann::json::parse(match.get_document().get_data());
        result.items.push_back({data.at("type").get<std::string>(),
                                data.at("id").get<std::int64_t>(),
                                data.at("kind").get<std::string>(),
                                data.at("title").get<std::string>(), match.get_weight()});
      }
      break;
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed twice during the search; read the new revision once more.
      if (attempt > 2) throw;
      reader->reopen();
      result = {};
    }
  }
  impl_->return_reader(std::move(reader));
  return result;
}

std::size_t SearchIndex::document_count() const {
  std::lock_guard lock(impl_->write_mutex);
  return impl_->writer.get_doccount();
}

const std::filesystem::path& SearchIndex::directory() const { return impl_->directory; }

}  // namespace techmarket::search
