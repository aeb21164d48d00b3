// Definition of the views layer's logging category (warnings and above by default).
// Enable with QT_LOGGING_RULES="tenantry.views.debug=true".
#include "views/viewslogging.h"

Q_LOGGING_CATEGORY(lcViews, "tenantry.views", QtWarningMsg)
