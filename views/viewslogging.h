// Logging category of the views layer (widgets): user intents and view state changes.
// Nothing logged here may carry a token, key or password.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcViews)
