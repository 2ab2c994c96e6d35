// Compares our Xapian engine with SQLite FTS5 and PostgreSQL full-text search
// on the same documents. bench/search_engines.sh runs it once per engine and
// phase, on one core, and prints the side-by-side table.
//
//   search_engines build ENGINE --work DIR --shared-data DIR --generated FILE
//                  [--postgres CONNINFO]
//   search_engines query ENGINE --work DIR --queries FILE --judged FILE
//                  [--postgres CONNINFO]
//
// ENGINE is xapian, sqlite or postgres. The build phase indexes the Wikipedia
// articles and NASA records of the judged set first, then every document of
// the generated TSV file. The query phase runs each query once to warm up,
// then times one pass (for Xapian without facets, then a second pass with
// them), then scores the judged queries. Each phase prints one
// line of key=value pairs, including the peak resident memory of the process
// that does the work (for PostgreSQL, the server process of the connection).
#include <libpq-fe.h>
#include <sqlite3.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "search/index.h"
#include "search_eval/judged_set.h"
#include "search_eval/known_item_corpus.h"
#include "text/fold.h"

namespace {

namespace fs = std::filesystem;
using techmarket::search_eval::CorpusDocument;

// Returns the peak resident set size of process `pid` ("self" for this one), in KiB.
long peak_resident_kib(const std::string& pid = "self") {
  std::ifstream status("/proc/" + pid + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// Returns the CPU time this thread has used, in nanoseconds.
std::uint64_t thread_cpu_ns() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<std::uint64_t>(now.tv_sec) * 1000000000u +
         static_cast<std::uint64_t>(now.tv_nsec);
}

// Returns the CPU time process `pid` has used, in nanoseconds, from the first
// field of /proc/PID/schedstat.
std::uint64_t process_cpu_ns(const std::string& pid) {
  std::ifstream schedstat("/proc/" + pid + "/schedstat");
  std::uint64_t nanoseconds = 0;
  if (!(schedstat >> nanoseconds))
    throw std::runtime_error("failed to read /proc/" + pid + "/schedstat");
  return nanoseconds;
}

std::uintmax_t directory_bytes(const fs::path& path) {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

// Splits folded text into the words of an FTS5 query: runs of ASCII letters and
// digits and of non-ASCII bytes. FTS5 splits each quoted word again with its tokenizer.
std::vector<std::string> split_words(const std::string& folded) {
  std::vector<std::string> words;
  std::string word;
  for (unsigned char c : folded) {
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

class Engine {
 public:
  virtual ~Engine() = default;
  virtual void add(std::int64_t id, const CorpusDocument& document) = 0;
  virtual void finish_build() = 0;
  // Returns the ids of the top `limit` documents for `text`, best first.
  virtual std::vector<std::int64_t> search(const std::string& text, std::size_t limit) = 0;
  virtual std::uintmax_t index_bytes() = 0;
  // Makes search() also count facets, as the product's search page does.
  // Returns false for engines that have no facets.
  virtual bool count_facets(bool /*enabled*/) { return false; }
  virtual long peak_resident_kib_of_worker() { return peak_resident_kib(); }
  // CPU time used so far by the processes that run the queries, in nanoseconds.
  // Unlike wall-clock time it does not grow when other programs share the core.
  virtual std::uint64_t worker_cpu_ns() { return thread_cpu_ns(); }
};

class XapianEngine : public Engine {
 public:
  explicit XapianEngine(const fs::path& directory) : directory_(directory), index_(directory) {}

  void add(std::int64_t id, const CorpusDocument& document) override {
    index_.replace(techmarket::search_eval::to_search_document(id, document.title, document.summary,
                                                               document.body, document.keywords));
  }
  void finish_build() override { index_.commit(); }

  std::vector<std::int64_t> search(const std::string& text, std::size_t limit) override {
    techmarket::search::SearchQuery query;
    query.text = text;
    query.limit = limit;
    // The peers return ids only. Snippets stay on, as the product shows them.
    query.with_facets = facets_;
    std::vector<std::int64_t> ids;
    for (const auto& hit : index_.search(query).items) ids.push_back(hit.id);
    return ids;
  }
  std::uintmax_t index_bytes() override { return directory_bytes(directory_); }
  bool count_facets(bool enabled) override {
    facets_ = enabled;
    return true;
  }

 private:
  fs::path directory_;
  techmarket::search::SearchIndex index_;
  bool facets_ = false;
};

class SqliteEngine : public Engine {
 public:
  explicit SqliteEngine(const fs::path& file) : file_(file) {
    if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK) fail("open " + file.string());
    execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(title, keywords, summary, body,"
        " content='', tokenize='unicode61 remove_diacritics 0')");
  }
  ~SqliteEngine() override {
    sqlite3_finalize(insert_);
    sqlite3_finalize(select_);
    sqlite3_close(db_);
  }

  void add(std::int64_t id, const CorpusDocument& document) override {
    if (!insert_) {
      execute("BEGIN");
      prepare("INSERT INTO docs(rowid, title, keywords, summary, body) VALUES (?, ?, ?, ?, ?)",
              &insert_);
    }
    std::string keywords;
    for (const auto& keyword : document.keywords) keywords += keyword + " ; ";
    const std::string columns[] = {
        techmarket::text::fold(document.title), techmarket::text::fold(keywords),
        techmarket::text::fold(document.summary), techmarket::text::fold(document.body)};
    sqlite3_bind_int64(insert_, 1, id);
    for (int i = 0; i < 4; ++i) {
      sqlite3_bind_text(insert_, i + 2, columns[i].data(), static_cast<int>(columns[i].size()),
                        SQLITE_TRANSIENT);
    }
    if (sqlite3_step(insert_) != SQLITE_DONE) fail("insert");
    sqlite3_reset(insert_);
  }

  void finish_build() override {
    execute("COMMIT");
    // Merges the index segments into one, as a finished index would be.
    execute("INSERT INTO docs(docs) VALUES ('optimize')");
  }

  std::vector<std::int64_t> search(const std::string& text, std::size_t limit) override {
    std::string match;
    for (const auto& word : split_words(techmarket::text::fold(text))) {
      if (!match.empty()) match += ' ';
      match += '"' + word + '"';  // no '"' inside: split_words keeps letters and digits only
    }
    std::vector<std::int64_t> ids;
    if (match.empty()) return ids;
    if (!select_) {
      prepare(
          "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 3.0, 2.0, 1.0, 1.0)"
          " LIMIT ?",
          &select_);
    }
    sqlite3_bind_text(select_, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(select_, 2, static_cast<sqlite3_int64>(limit));
    while (sqlite3_step(select_) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(select_, 0));
    sqlite3_reset(select_);
    return ids;
  }

  std::uintmax_t index_bytes() override { return fs::file_size(file_); }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("SQLite " + what + " failed: " + sqlite3_errmsg(db_));
  }
  void execute(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
  }
  void prepare(const char* sql, sqlite3_stmt** statement) {
    if (sqlite3_prepare_v2(db_, sql, -1, statement, nullptr) != SQLITE_OK) fail(sql);
  }

  fs::path file_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* select_ = nullptr;
};

// Documents are loaded with COPY into an unlogged staging table, then turned
// into weighted tsvectors (title A, keywords B, summary C, body D) through a
// text search configuration that runs unaccent before the simple dictionary.
// Queries go in as typed; unaccent folds them on the server.
class PostgresEngine : public Engine {
 public:
  PostgresEngine(const std::string& conninfo, bool build) {
    connection_ = PQconnectdb(conninfo.c_str());
    if (PQstatus(connection_) != CONNECTION_OK) fail("connect");
    execute("SET client_min_messages = warning");  // no notice for DROP ... IF EXISTS
    if (build) {
      execute("CREATE EXTENSION IF NOT EXISTS unaccent");
      execute("DROP TABLE IF EXISTS docs, staging");
      execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS tm_unaccent");
      execute("CREATE TEXT SEARCH CONFIGURATION tm_unaccent (COPY = simple)");
      execute(
          "ALTER TEXT SEARCH CONFIGURATION tm_unaccent ALTER MAPPING FOR hword, hword_part, word"
          " WITH unaccent, simple");
      execute(
          "CREATE UNLOGGED TABLE staging (id bigint, title text, keywords text, summary text,"
          " body text)");
      backend_pid();  // no other statement can run while COPY is in progress
      start_copy();
    }
  }
  ~PostgresEngine() override { PQfinish(connection_); }

  void add(std::int64_t id, const CorpusDocument& document) override {
    std::string keywords;
    for (const auto& keyword : document.keywords) keywords += keyword + " ; ";
    std::string row = std::to_string(id);
    const std::string* columns[] = {&document.title, &keywords, &document.summary, &document.body};
    for (const std::string* column : columns) {
      row += '\t';
      append_copy_text(techmarket::text::fold(*column), row);
    }
    row += '\n';
    if (PQputCopyData(connection_, row.data(), static_cast<int>(row.size())) != 1) fail("COPY");
  }

  void finish_build() override {
    if (PQputCopyEnd(connection_, nullptr) != 1) fail("COPY end");
    PGresult* result = PQgetResult(connection_);
    bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!ok) fail("COPY");
    while ((result = PQgetResult(connection_)) != nullptr) PQclear(result);

    execute(
        "CREATE TABLE docs AS SELECT id,"
        " setweight(to_tsvector('tm_unaccent', title), 'A') ||"
        " setweight(to_tsvector('tm_unaccent', keywords), 'B') ||"
        " setweight(to_tsvector('tm_unaccent', summary), 'C') ||"
        " setweight(to_tsvector('tm_unaccent', body), 'D') AS tsv FROM staging");
    execute("DROP TABLE staging");
    execute("CREATE INDEX docs_tsv ON docs USING gin (tsv)");
    execute("VACUUM ANALYZE docs");
  }

  std::vector<std::int64_t> search(const std::string& text, std::size_t limit) override {
    if (!prepared_) {
      PGresult* result =
          PQprepare(connection_, "search",
                    "SELECT id FROM docs, plainto_tsquery('tm_unaccent', $1) AS q WHERE tsv @@ q"
                    " ORDER BY ts_rank(tsv, q) DESC, id LIMIT $2",
                    2, nullptr);
      check(result, PGRES_COMMAND_OK, "PREPARE");
      prepared_ = true;
    }
    std::string limit_text = std::to_string(limit);
    const char* values[] = {text.c_str(), limit_text.c_str()};
    PGresult* result = PQexecPrepared(connection_, "search", 2, values, nullptr, nullptr, 0);
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
      std::string message = PQresultErrorMessage(result);
      PQclear(result);
      throw std::runtime_error("PostgreSQL search for \"" + text + "\" failed: " + message);
    }
    std::vector<std::int64_t> ids;
    for (int row = 0; row < PQntuples(result); ++row) {
      ids.push_back(std::stoll(PQgetvalue(result, row, 0)));
    }
    PQclear(result);
    return ids;
  }

  std::uintmax_t index_bytes() override {
    return std::stoull(scalar("SELECT pg_total_relation_size('docs')"));
  }

  // The server process that ran this connection's statements, read from /proc:
  // the benchmark starts the server on this machine.
  long peak_resident_kib_of_worker() override { return peak_resident_kib(backend_pid()); }

  // The server process and this client thread, which parses the replies.
  std::uint64_t worker_cpu_ns() override { return process_cpu_ns(backend_pid()) + thread_cpu_ns(); }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("PostgreSQL " + what + " failed: " + PQerrorMessage(connection_));
  }
  void check(PGresult* result, ExecStatusType expected, const std::string& what) {
    bool ok = PQresultStatus(result) == expected;
    std::string message = ok ? "" : PQresultErrorMessage(result);
    PQclear(result);
    if (!ok) throw std::runtime_error("PostgreSQL " + what + " failed: " + message);
  }
  void execute(const std::string& sql) {
    check(PQexec(connection_, sql.c_str()), PGRES_COMMAND_OK, sql);
  }
  std::string scalar(const std::string& sql) {
    PGresult* result = PQexec(connection_, sql.c_str());
    if (PQresultStatus(result) != PGRES_TUPLES_OK || PQntuples(result) != 1) {
      check(result, PGRES_TUPLES_OK, sql);
      throw std::runtime_error("PostgreSQL " + sql + " returned no row");
    }
    std::string value = PQgetvalue(result, 0, 0);
    PQclear(result);
    return value;
  }
  void start_copy() {
    check(PQexec(connection_, "COPY staging FROM STDIN"), PGRES_COPY_IN, "COPY");
  }
  // Escapes text for COPY's text format, where backslash, tab and newline are special.
  static void append_copy_text(const std::string& text, std::string& row) {
    for (char c : text) {
      if (c == '\\') {
        row += "\\\\";
      } else if (c == '\t' || c == '\n' || c == '\r') {
        row += ' ';
      } else {
        row += c;
      }
    }
  }

  const std::string& backend_pid() {
    if (backend_pid_.empty()) backend_pid_ = scalar("SELECT pg_backend_pid()");
    return backend_pid_;
  }

  PGconn* connection_ = nullptr;
  bool prepared_ = false;
  std::string backend_pid_;
};

struct Options {
  std::string phase;
  std::string engine;
  fs::path work;
  fs::path shared_data = "../shared/data";
  fs::path generated;
  fs::path queries;
  fs::path judged;
  std::string postgres;
};

Options parse_options(int argc, char** argv) {
  if (argc < 3) throw std::invalid_argument("missing PHASE and ENGINE");
  Options options;
  options.phase = argv[1];
  options.engine = argv[2];
  for (int i = 3; i + 1 < argc; i += 2) {
    std::string name = argv[i];
    std::string value = argv[i + 1];
    if (name == "--work") {
      options.work = value;
    } else if (name == "--shared-data") {
      options.shared_data = value;
    } else if (name == "--generated") {
      options.generated = value;
    } else if (name == "--queries") {
      options.queries = value;
    } else if (name == "--judged") {
      options.judged = value;
    } else if (name == "--postgres") {
      options.postgres = value;
    } else {
      throw std::invalid_argument("unknown option " + name);
    }
  }
  if (options.work.empty()) throw std::invalid_argument("--work is required");
  return options;
}

std::unique_ptr<Engine> open_engine(const Options& options, bool build) {
  if (options.engine == "xapian") return std::make_unique<XapianEngine>(options.work / "xapian");
  if (options.engine == "sqlite") return std::make_unique<SqliteEngine>(options.work / "fts5.db");
  if (options.engine == "postgres") {
    if (options.postgres.empty())
      throw std::invalid_argument("--postgres CONNINFO is required for engine postgres");
    return std::make_unique<PostgresEngine>(options.postgres, build);
  }
  throw std::invalid_argument("unknown engine " + options.engine +
                              " (expected xapian, sqlite or postgres)");
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Reads one line of the generated TSV file: title, keywords joined by " ; ", summary, body.
CorpusDocument parse_generated(const std::string& line, std::size_t line_number) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
    fields.push_back(line.substr(start, tab - start));
  }
  fields.push_back(line.substr(start));
  if (fields.size() != 4) {
    throw std::runtime_error("generated documents line " + std::to_string(line_number) +
                             ": expected 4 fields, found " + std::to_string(fields.size()));
  }
  CorpusDocument document{"", fields[0], fields[2], fields[3], {}};
  for (std::size_t from = 0; from <= fields[1].size();) {
    std::size_t to = fields[1].find(" ; ", from);
    if (to == std::string::npos) to = fields[1].size();
    if (to > from) document.keywords.push_back(fields[1].substr(from, to - from));
    from = to + 3;
  }
  return document;
}

int run_build(const Options& options) {
  fs::create_directories(options.work);
  auto originals = techmarket::search_eval::read_wiki_articles(options.shared_data);
  auto nasa = techmarket::search_eval::read_nasa_records(options.shared_data);
  originals.insert(originals.end(), nasa.begin(), nasa.end());
  {
    // The query phase maps the judged targets to ids through this file: line i is id i.
    std::ofstream keys(options.work / "original_keys.txt");
    for (const auto& document : originals) keys << document.key << '\n';
  }

  std::ifstream generated(options.generated);
  if (!generated)
    throw std::runtime_error("generated documents not found: " + options.generated.string());
  auto engine = open_engine(options, true);
  std::uint64_t cpu_start = engine->worker_cpu_ns();
  auto start = std::chrono::steady_clock::now();
  std::int64_t id = 0;
  for (const auto& document : originals) engine->add(id++, document);
  originals.clear();
  originals.shrink_to_fit();
  std::size_t line_number = 0;
  for (std::string line; std::getline(generated, line);) {
    engine->add(id++, parse_generated(line, ++line_number));
  }
  engine->finish_build();
  double seconds = seconds_since(start);
  double cpu_seconds = static_cast<double>(engine->worker_cpu_ns() - cpu_start) / 1e9;

  std::cout << "phase=build engine=" << options.engine << " documents=" << id
            << " build_seconds=" << seconds << " build_cpu_seconds=" << cpu_seconds
            << " index_bytes=" << engine->index_bytes()
            << " build_peak_rss_kib=" << engine->peak_resident_kib_of_worker() << std::endl;
  return 0;
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream input(path);
  if (!input) throw std::runtime_error("file not found: " + path.string());
  std::vector<std::string> lines;
  for (std::string line; std::getline(input, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

double percentile(const std::vector<double>& sorted, double fraction) {
  return sorted[static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1))];
}

// Runs each query once and appends its wall-clock and CPU time, sorted.
void time_queries(Engine& engine, const std::vector<std::string>& queries,
                  std::vector<double>& milliseconds, std::vector<double>& cpu_milliseconds) {
  for (const auto& query : queries) {
    std::uint64_t cpu_start = engine.worker_cpu_ns();
    auto start = std::chrono::steady_clock::now();
    engine.search(query, techmarket::search_eval::kCutoff);
    milliseconds.push_back(seconds_since(start) * 1000.0);
    cpu_milliseconds.push_back(static_cast<double>(engine.worker_cpu_ns() - cpu_start) / 1e6);
  }
  std::sort(milliseconds.begin(), milliseconds.end());
  std::sort(cpu_milliseconds.begin(), cpu_milliseconds.end());
}

int run_query(const Options& options) {
  std::vector<std::string> keys = read_lines(options.work / "original_keys.txt");
  std::vector<std::string> queries = read_lines(options.queries);
  auto judged = techmarket::search_eval::read_judged_queries(options.judged);
  auto engine = open_engine(options, false);

  std::size_t with_hits = 0;
  for (const auto& query : queries) {
    with_hits += engine->search(query, techmarket::search_eval::kCutoff).empty() ? 0 : 1;
  }
  std::vector<double> milliseconds;
  std::vector<double> cpu_milliseconds;
  time_queries(*engine, queries, milliseconds, cpu_milliseconds);
  // The same pass again with facets, for engines that count them.
  std::vector<double> facet_milliseconds;
  std::vector<double> facet_cpu_milliseconds;
  if (engine->count_facets(true)) {
    time_queries(*engine, queries, facet_milliseconds, facet_cpu_milliseconds);
    engine->count_facets(false);
  }
  double total = 0;
  for (double value : milliseconds) total += value;

  auto scores = techmarket::search_eval::score_by_class(judged, [&](const std::string& text) {
    std::vector<std::string> ranked;
    for (auto id : engine->search(text, techmarket::search_eval::kCutoff)) {
      auto index = static_cast<std::size_t>(id);
      ranked.push_back(index < keys.size() ? keys[index] : "generated");
    }
    return ranked;
  });

  std::cout << "phase=query engine=" << options.engine << " queries=" << queries.size()
            << " queries_with_hits=" << with_hits << " p50_ms=" << percentile(milliseconds, 0.50)
            << " p99_ms=" << percentile(milliseconds, 0.99)
            << " mean_ms=" << total / static_cast<double>(milliseconds.size())
            << " cpu_p50_ms=" << percentile(cpu_milliseconds, 0.50)
            << " cpu_p99_ms=" << percentile(cpu_milliseconds, 0.99)
            << " query_peak_rss_kib=" << engine->peak_resident_kib_of_worker();
  if (!facet_milliseconds.empty()) {
    std::cout << " facets_p50_ms=" << percentile(facet_milliseconds, 0.50)
              << " facets_p99_ms=" << percentile(facet_milliseconds, 0.99)
              << " facets_cpu_p50_ms=" << percentile(facet_cpu_milliseconds, 0.50)
              << " facets_cpu_p99_ms=" << percentile(facet_cpu_milliseconds, 0.99);
  }
  double mrr_sum = 0;
  std::size_t judged_count = 0;
  for (const auto& score : scores) {
    std::cout << " mrr_" << score.query_class << "=" << score.mrr_at_10;
    mrr_sum += score.mrr_at_10 * static_cast<double>(score.queries);
    judged_count += score.queries;
  }
  std::cout << " mrr_all=" << (judged_count ? mrr_sum / static_cast<double>(judged_count) : 0)
            << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options options = parse_options(argc, argv);
    if (options.phase == "build") return run_build(options);
    if (options.phase == "query") return run_query(options);
    throw std::invalid_argument("unknown phase " + options.phase + " (expected build or query)");
  } catch (const std::invalid_argument& e) {
    std::cerr << "search_engines: " << e.what() << "\n"
              << "usage: search_engines build|query xapian|sqlite|postgres --work DIR"
                 " [--shared-data DIR] [--generated FILE] [--queries FILE] [--judged FILE]"
                 " [--postgres CONNINFO]\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "search_engines: " << e.what() << "\n";
    return 1;
  }
}
