// tenantryctl(1): the manual page in troff, printed from the command table (the same text
// `--help` prints), so the page cannot drift from the program. The build writes it with
// packaging/ctlman.cpp; the .deb installs it.
#pragma once

#include <string>

namespace ctl {

class ManPage
{
public:
    // The whole page; `version` goes into the footer (".TH ... tenantryctl VERSION").
    static std::string troff(const std::string &version);
    // Text made safe for troff: backslashes escaped, a leading "." or "'" neutralised.
    static std::string escape(const std::string &text);
};

} // namespace ctl
