// tenantryctl's tenancy reads that go through the TenancyGraph the GUI reads: members of a
// scope and the platform tree. Each loads only the kinds it shows (TenancyFeed::load), once.
#pragma once

#include "commandargs.h"
#include "tenancyscope.h"
#include "tenancysession.h"

#include "kubeclient/tenancy/graph/graphrecords.h"

#include <string>
#include <vector>

namespace ctl {

class GraphReads
{
public:
    // `get members [USER] (--platform | --cluster | -w WS | -n NS)`.
    static int members(TenancySession &session, const CommandArgs &args, const TenancyScope &scope,
                       const std::string &user);
    // The members of a scope (one user's when `user` is given), by the graph's rules. An error
    // when the binding kind may not be listed.
    static kube::Result<std::vector<kube::tenancy::MemberInfo>> membersOf(TenancySession &session,
                                                                          const TenancyScope &scope,
                                                                          const std::string &user);
    // `tree [-w WS]`.
    static int tree(TenancySession &session, const std::string &onlyWorkspace);
    // `overview [-w WS] [-o json]`: the figures of the desktop app's Dashboard tab.
    static int overview(TenancySession &session, const std::string &workspace, const std::string &output);
};

} // namespace ctl
