// Help texts of tenantryctl's tenancy commands, shown by `tenantryctl COMMAND --help` and after
// a usage error, so every flag is documented in one place.
#pragma once

#include <cstdio>
#include <string>

namespace ctl {

// The help of one command ("create", "member", ...); empty for an unknown command.
std::string tenancyUsage(const std::string &command);
// Prints the help of `command` to `out`.
void printTenancyUsage(const std::string &command, FILE *out);
// Prints "error: <message>" and the command's help to stderr; returns 2 (usage error).
int tenancyUsageError(const std::string &command, const std::string &message);

} // namespace ctl
