#include "auth/email_outbox.h"

#include <spdlog/spdlog.h>

#include <vector>

namespace techmarket::auth {

void enqueue_email(db::Connection& connection, const std::string& recipient,
                   const std::string& subject, const std::string& body) {
  connection
      .prepare(
          "INSERT INTO email_outbox (recipient, subject, body, created_at) VALUES (?, ?, ?, ?)")
      .bind(1, recipient)
      .bind(2, subject)
      .bind(3, body)
      .bind(4, db::now_utc())
      .run();
}

std::size_t deliver_pending_emails(db::Connection& connection) {
  struct Message {
    std::int64_t id;
    std::string recipient;
    std::string subject;
    std::string body;
  };
  db::Transaction transaction(connection, db::Transaction::Mode::kWrite);
  std::vector<Message> messages;
  {
    auto query = connection.prepare(
        "SELECT id, recipient, subject, body FROM email_outbox WHERE sent_at IS NULL ORDER BY id");
    while (query.step()) {
      messages.push_back({query.column_int64(0), query.column_text(1), query.column_text(2),
                          query.column_text(3)});
    }
  }
  for (const auto& message : messages) {
    // Keeps the message on one log line.
    std::string body;
    for (char c : message.body) {
      if (c == '\n') {
        body += "\\n";
      } else {
        body.push_back(c);
      }
    }
    // The log is the delivery channel while no SMTP server is configured (see
    // the header): this line deliberately contains the message body.
    spdlog::info("event=email_delivered_to_log id={} to={} subject=\"{}\" body=\"{}\"", message.id,
                 message.recipient, message.subject, body);
    connection.prepare("UPDATE email_outbox SET sent_at = ? WHERE id = ?")
        .bind(1, db::now_utc())
        .bind(2, message.id)
        .run();
  }
  transaction.commit();
  return messages.size();
}

}  // namespace techmarket::auth
