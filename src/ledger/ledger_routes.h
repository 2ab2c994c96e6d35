#pragma once

#include "http/router.h"
#include "ledger/ledger_service.h"

namespace techmarket::ledger {

void add_ledger_routes(http::Router& router, LedgerService& service);

}  // namespace techmarket::ledger
