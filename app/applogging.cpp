// Definition of the application's logging category (info and above by default).
// Enable more with QT_LOGGING_RULES="tenantry.app.debug=true".
#include "applogging.h"

Q_LOGGING_CATEGORY(lcApp, "tenantry.app", QtInfoMsg)
