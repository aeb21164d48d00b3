// Logging category of the tenantry application (main window wiring, settings, command line).
// Nothing logged here may carry a token, key or password.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp)
