// A read command run against several kubeconfig contexts (--context given more than once, or
// --all-contexts): each run's output is captured and printed with the context in front.
#pragma once

#include "commandargs.h"

#include <string>
#include <vector>

namespace ctl {

class ContextFanOut
{
public:
    // Runs `command` once per context; returns the worst exit code.
    static int run(const CommandArgs &args, int (*command)(const CommandArgs &));

    // The merge, apart so it can be tested: `outputs[i]` is what context `contexts[i]` printed.
    // Tables (a first line without lower-case letters that every run shares) get one CONTEXT
    // header; other lines get the context as first column.
    static std::string mergeText(const std::vector<std::string> &contexts, const std::vector<std::string> &outputs);
};

} // namespace ctl
