// Outgoing email. A message is queued in the email_outbox table inside the
// transaction that makes it (a password reset, for example) and delivered
// after the commit.
#pragma once

#include <cstddef>
#include <string>

#include "db/sqlite.h"

namespace techmarket::auth {

void enqueue_email(db::Connection& connection, const std::string& recipient,
                   const std::string& subject, const std::string& body);

// Delivers every unsent message and marks it sent; returns how many.
//
// No SMTP client is built yet, so the log is the delivery channel: each
// message, body included, is written to the log at level info. That makes
// the log the one place where a password reset token appears; no other log
// line carries a password, token or session id.
std::size_t deliver_pending_emails(db::Connection& connection);

}  // namespace techmarket::auth
