// Build-time generator of tenantryctl's manual page and completion scripts from its command table
// (the same code `tenantryctl completion bash|zsh` runs), written into the folder it is given.
#include "ctl/manpage.h"
#include "ctl/shellcompletion.h"

#include "tenantryversion.h"

#include <cstdio>
#include <fstream>
#include <string>

namespace {

bool write(const std::string &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::fprintf(stderr, "tenantryctl_docs: cannot write %s\n", path.c_str());
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: tenantryctl_docs OUTDIR  (writes tenantryctl.1, tenantryctl.bash, _tenantryctl)\n");
        return 2;
    }
    const std::string dir = argv[1];
    const bool ok = write(dir + "/tenantryctl.1", ctl::ManPage::troff(tenantry::version()))
                    && write(dir + "/tenantryctl.bash", ctl::ShellCompletion::bash())
                    && write(dir + "/_tenantryctl", ctl::ShellCompletion::zsh());
    return ok ? 0 : 1;
}
