// The account commands of the command line: `techmarket user add` and
// `techmarket expire`.
#pragma once

#include <cstdint>
#include <istream>
#include <string>

namespace techmarket::app {

struct NewUserArguments {
  std::string email;
  std::string name;
  std::string role;
  std::int64_t organization_id = 0;  // 0: none
};

// Creates an account as the system, reading the password from the first line
// of `input`. Prints the new id, or each invalid field, and returns the exit code.
int add_user(const std::string& data_dir, const NewUserArguments& arguments, std::istream& input);

// Expires the published records whose date has passed; returns the exit code.
int expire_records(const std::string& data_dir);

}  // namespace techmarket::app
