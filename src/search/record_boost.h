// The completeness and freshness boost of each record (value slot kBoostSlot)
// held in memory, so that ranking adds it without reading the value slot of
// every matching record.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace techmarket::search {

// The boosts of one database revision, 0 to 1, by document id.
struct RecordBoosts {
  std::vector<float> by_docid;
  float max = 0;
};

// RecordBoosts read once per database revision. Thread-safe.
class RecordBoostTable {
 public:
  // Returns the boosts of `database` at its current revision. The first call
  // for a revision reads the whole value slot, one value per record.
  std::shared_ptr<const RecordBoosts> boosts(const Xapian::Database& database);

 private:
  std::mutex mutex_;
  // The last few revisions, because pooled readers can be a commit apart.
  std::map<Xapian::rev, std::shared_ptr<const RecordBoosts>> by_revision_;
};

// A posting source that matches every document id and weighs each by its
// boost, for use on the optional side of OP_AND_MAYBE.
class RecordBoostSource : public Xapian::PostingSource {
 public:
  explicit RecordBoostSource(std::shared_ptr<const RecordBoosts> boosts);

  void init(const Xapian::Database& database) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return documents_; }
  Xapian::doccount get_termfreq_max() const override { return last_docid_; }
  void next(double min_weight) override;
  void skip_to(Xapian::docid docid, double min_weight) override;
  bool check(Xapian::docid docid, double min_weight) override;
  bool at_end() const override { return current_ > last_docid_; }
  Xapian::docid get_docid() const override { return current_; }
  double get_weight() const override;
  RecordBoostSource* clone() const override;

 private:
  std::shared_ptr<const RecordBoosts> boosts_;
  Xapian::docid current_ = 0;
  Xapian::docid last_docid_ = 0;
  Xapian::doccount documents_ = 0;
};

}  // namespace techmarket::search
