#include "search/record_boost.h"

#include <algorithm>

#include "search/index_impl.h"

namespace techmarket::search {
namespace {

// Revisions kept; older ones are dropped when a new one is read.
constexpr std::size_t kRevisionsKept = 2;

}  // namespace

std::shared_ptr<const RecordBoosts> RecordBoostTable::boosts(const Xapian::Database& database) {
  Xapian::rev revision = database.get_revision();
  {
    std::lock_guard lock(mutex_);
    auto found = by_revision_.find(revision);
    if (found != by_revision_.end()) return found->second;
  }

  auto table = std::make_shared<RecordBoosts>();
  table->by_docid.assign(database.get_lastdocid() + 1, 0.0f);
  for (auto value = database.valuestream_begin(kBoostSlot);
       value != database.valuestream_end(kBoostSlot); ++value) {
    Xapian::docid docid = value.get_docid();
    if (docid >= table->by_docid.size()) continue;
    auto boost = static_cast<float>(Xapian::sortable_unserialise(*value));
    table->by_docid[docid] = boost;
    table->max = std::max(table->max, boost);
  }

  std::lock_guard lock(mutex_);
  by_revision_.emplace(revision, table);
  while (by_revision_.size() > kRevisionsKept) by_revision_.erase(by_revision_.begin());
  return table;
}

RecordBoostSource::RecordBoostSource(std::shared_ptr<const RecordBoosts> boosts)
    : boosts_(std::move(boosts)) {}

void RecordBoostSource::init(const Xapian::Database& database) {
  current_ = 0;
  last_docid_ = database.get_lastdocid();
  documents_ = database.get_doccount();
  set_maxweight(boosts_->max);
}

void RecordBoostSource::next(double) { ++current_; }

void RecordBoostSource::skip_to(Xapian::docid docid, double) {
  if (docid > current_) current_ = docid;
}

bool RecordBoostSource::check(Xapian::docid docid, double min_weight) {
  skip_to(docid, min_weight);
  return true;
}

double RecordBoostSource::get_weight() const {
  const auto& by_docid = boosts_->by_docid;
  return current_ < by_docid.size() ? by_docid[current_] : 0.0;
}

RecordBoostSource* RecordBoostSource::clone() const { return new RecordBoostSource(boosts_); }

}  // namespace techmarket::search
