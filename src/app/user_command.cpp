#include "app/user_command.h"

#include <iostream>

#include "app/platform.h"
#include "common/errors.h"

namespace techmarket::app {

int add_user(const std::string& data_dir, const NewUserArguments& arguments, std::istream& input) {
  std::string password;
  if (!std::getline(input, password)) {
    std::cerr << "techmarket: no password on standard input; pipe one line, for example\n"
                 "  read -rs P && printf '%s\\n' \"$P\" | techmarket user add ...\n";
    return 2;
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();

  nlohmann::json body = {{"email", arguments.email},
                         {"name", arguments.name},
                         {"role", arguments.role},
                         {"password", password}};
  if (arguments.organization_id != 0) body["organization_id"] = arguments.organization_id;

  Platform platform(data_dir);
  try {
    auto user = platform.users().create(auth::Principal::system(), body);
    std::cout << "created user " << user.id << " (" << user.email << ") with role "
              << auth::role_name(user.role) << "\n";
    return 0;
  } catch (const ValidationError& e) {
    for (const auto& error : e.errors()) {
      std::cerr << "techmarket: " << error.field << ": " << error.message << "\n";
    }
  } catch (const ConflictError& e) {
    std::cerr << "techmarket: " << e.what() << "\n";
  }
  return 1;
}

int expire_records(const std::string& data_dir) {
  // The platform expires due records when it opens.
  Platform platform(data_dir);
  std::cout << "expired " << platform.expired_at_open() << " offers and needs\n";
  return 0;
}

}  // namespace techmarket::app
