// Reading a password for tenantryctl: from stdin only (argv is visible to every user of the
// machine through ps), unechoed at a terminal. Shared by `create/edit user` and `login`.
#pragma once

#include <string>

namespace ctl {

// False (after printing why, naming --password-stdin) when stdin holds no password.
bool readPasswordStdin(std::string &password);

} // namespace ctl
