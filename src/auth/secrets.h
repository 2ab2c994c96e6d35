// Passwords and random tokens, through libsodium. Passwords are hashed with
// argon2id (crypto_pwhash_str_alg); session, reset and API tokens are 32
// random bytes whose BLAKE2b digest is all the database keeps.
#pragma once

#include <string>
#include <string_view>

namespace techmarket::auth {

// The argon2id work factor. kInteractive (libsodium's OPSLIMIT_INTERACTIVE
// and MEMLIMIT_INTERACTIVE: 2 passes over 64 MiB) is for real accounts;
// kMinimum exists so that tests which create many accounts stay fast.
enum class PasswordCost { kInteractive, kMinimum };

// Returns the encoded argon2id hash ("$argon2id$v=19$..."). Throws
// std::runtime_error when libsodium cannot allocate the memory it needs.
std::string hash_password(std::string_view password, PasswordCost cost);

// Returns true when `password` matches `encoded_hash`.
bool verify_password(const std::string& encoded_hash, std::string_view password);

// Returns 32 random bytes as unpadded base64url text (43 characters).
std::string random_token();

// Returns the hex BLAKE2b-256 digest of `token`, the form stored in the database.
std::string token_digest(std::string_view token);

// Compares without an early exit, so timing does not reveal a matching prefix.
bool equal_in_constant_time(std::string_view left, std::string_view right);

}  // namespace techmarket::auth
