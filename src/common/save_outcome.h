#pragma once

namespace techmarket {

// What an insert-or-update by external_id did; imports count these.
enum class SaveOutcome { kCreated, kUpdated, kUnchanged };

}  // namespace techmarket
