// Names of the session states, as the status bar and logs print them.
// Kept beside the struct so every place words a state the same way.
#include "models/sessionstatus.h"

#include <QCoreApplication>

QString SessionStatus::toString(State state)
{
    switch (state) {
    case State::Connecting: return QCoreApplication::translate("SessionStatus", "connecting");
    case State::Connected: return QCoreApplication::translate("SessionStatus", "connected");
    case State::Reconnecting: return QCoreApplication::translate("SessionStatus", "reconnecting");
    case State::Failed: return QCoreApplication::translate("SessionStatus", "not connected");
    }
    return {};
}
