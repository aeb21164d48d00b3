// Logging categories of the models layer: one per concern, so a user can turn on
// QT_LOGGING_RULES="tenantry.session.debug=true" without drowning in model chatter.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcTreeModel)
Q_DECLARE_LOGGING_CATEGORY(lcAccess)
Q_DECLARE_LOGGING_CATEGORY(lcPlan)
Q_DECLARE_LOGGING_CATEGORY(lcKubeconfig)
Q_DECLARE_LOGGING_CATEGORY(lcPermissions)
