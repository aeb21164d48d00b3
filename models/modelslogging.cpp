// Definitions of the models layer's logging categories (warnings and above by default).
// Nothing logged through them may carry a token, key or password.
#include "models/modelslogging.h"

Q_LOGGING_CATEGORY(lcSession, "tenantry.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTreeModel, "tenantry.treemodel", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAccess, "tenantry.access", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPlan, "tenantry.plan", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKubeconfig, "tenantry.kubeconfig", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPermissions, "tenantry.permissions", QtInfoMsg)
