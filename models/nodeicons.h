// Icons of the tenancy tree, one per node kind plus state variants, drawn for Tenantry and
// compiled in as resources (:/icons/*.svg).
#pragma once

#include "models/nodekind.h"
#include "models/sessionstatus.h"

#include <QIcon>

class NodeIcons final
{
public:
    static QIcon forKind(NodeKind kind, unsigned outlineFlags = 0);
    static QIcon forCluster(SessionStatus::State state, bool stale);
    static QIcon named(const QString &name);  // ":/icons/<name>.svg", cached
};
