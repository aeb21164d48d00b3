// bcrypt hashes of KubeSphere account passwords, as KubeSphere's user controller stores them in
// a User's spec.password (golang.org/x/crypto/bcrypt, DefaultCost 10). The hashing itself is
// libxcrypt's (crypt_gensalt_rn + crypt_rn): Tenantry implements no cipher of its own.
#pragma once

#include "kubeclient/core/result.h"

#include <string>

namespace kube::tenancy {

// golang.org/x/crypto/bcrypt.DefaultCost, which KubeSphere's controller hashes with.
inline constexpr int kBcryptDefaultCost = 10;

// Whether `value` is a bcrypt hash the User schema accepts ("$2a$", "$2b$" or "$2y$", a two-digit
// cost and 53 characters of salt and digest). KubeSphere leaves such a value as it is.
bool isBcryptHash(const std::string &value);

// A "$2b$<cost>$..." hash of `password` with a fresh random salt. The error never contains the
// password. Takes tens of milliseconds at the default cost: call it off the GUI thread.
Result<std::string> bcryptHash(const std::string &password, int cost = kBcryptDefaultCost);

// Whether `password` hashes to `hash` (false for anything that is not a bcrypt hash).
bool bcryptMatches(const std::string &password, const std::string &hash);

// The cost a bcrypt hash was made with, 0 when `hash` is not one.
int bcryptCost(const std::string &hash);

} // namespace kube::tenancy
