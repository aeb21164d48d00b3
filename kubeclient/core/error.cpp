// Error construction, naming and formatting.
#include "kubeclient/core/error.h"

#include "kubeclient/core/text.h"

#include <utility>

namespace kube {

Error Error::make(ErrorKind kind, std::string message, std::string where, std::string hint)
{
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    e.where = std::move(where);
    e.hint = std::move(hint);
    return e;
}

static std::string hintFor(const ApiStatus &s)
{
    switch (s.reason) {
    case StatusReason::Forbidden:
        return "ask an administrator for the permission, or switch to an identity that has it";
    case StatusReason::Unauthorized:
        return "the credentials were rejected: refresh the token or certificate in the kubeconfig";
    case StatusReason::Conflict:
        return "the object changed on the server: reload it and apply your change again";
    case StatusReason::AlreadyExists:
        return "choose another name or edit the existing object";
    case StatusReason::NotFound:
        return "it may have been deleted; refresh the view";
    case StatusReason::Expired:
    case StatusReason::Gone:
        return "the data is too old; it will be listed again";
    case StatusReason::TooManyRequests:
        return "the server is busy; retry in a moment";
    case StatusReason::Invalid:
        return "correct the fields named above";
    default:
        return {};
    }
}

Error Error::api(ApiStatus status, std::string where)
{
    Error e;
    e.kind = ErrorKind::Api;
    e.message = status.message.empty() ? ("HTTP " + std::to_string(status.code) + " " + toString(status.reason))
                                       : status.message;
    e.where = std::move(where);
    e.hint = hintFor(status);
    e.status = std::move(status);
    return e;
}

bool Error::isGone() const
{
    return status && (status->code == 410 || status->reason == StatusReason::Expired || status->reason == StatusReason::Gone);
}

std::string Error::describe() const
{
    std::string out;
    if (!where.empty())
        out = where + ": ";
    out += message;
    if (status && status->reason == StatusReason::Invalid) {
        for (const auto &c : status->causes) {
            if (c.field.empty())
                continue;
            if (out.find(c.field) == std::string::npos)
                out += "; " + c.field + ": " + c.message;
        }
    }
    if (!hint.empty())
        out += " (" + hint + ")";
    // Names, server messages and file text may carry invalid UTF-8 or control bytes; the line
    // must not garble a terminal nor make a JSON dump of it throw.
    return text::printable(out, std::string::npos, true);
}

Error Error::withContext(const std::string &outer) const
{
    Error e = *this;
    if (outer.empty())
        return e;
    e.where = where.empty() ? outer : outer + ": " + where;
    return e;
}

const char *toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Config: return "Config";
    case ErrorKind::Auth: return "Auth";
    case ErrorKind::Transport: return "Transport";
    case ErrorKind::Tls: return "Tls";
    case ErrorKind::Timeout: return "Timeout";
    case ErrorKind::Cancelled: return "Cancelled";
    case ErrorKind::Api: return "Api";
    case ErrorKind::Decode: return "Decode";
    case ErrorKind::Invalid: return "Invalid";
    }
    return "Unknown";
}

namespace {
struct ReasonName {
    StatusReason reason;
    const char *name;
};
constexpr ReasonName kReasonNames[] = {
    {StatusReason::NotFound, "NotFound"},
    {StatusReason::AlreadyExists, "AlreadyExists"},
    {StatusReason::Conflict, "Conflict"},
    {StatusReason::Forbidden, "Forbidden"},
    {StatusReason::Unauthorized, "Unauthorized"},
    {StatusReason::Invalid, "Invalid"},
    {StatusReason::Expired, "Expired"},
    {StatusReason::Gone, "Gone"},
    {StatusReason::TooManyRequests, "TooManyRequests"},
    {StatusReason::Timeout, "Timeout"},
    {StatusReason::ServerTimeout, "ServerTimeout"},
    {StatusReason::InternalError, "InternalError"},
    {StatusReason::BadRequest, "BadRequest"},
    {StatusReason::MethodNotAllowed, "MethodNotAllowed"},
    {StatusReason::NotAcceptable, "NotAcceptable"},
    {StatusReason::UnsupportedMediaType, "UnsupportedMediaType"},
    {StatusReason::ServiceUnavailable, "ServiceUnavailable"},
};
} // namespace

const char *toString(StatusReason reason)
{
    for (const auto &r : kReasonNames)
        if (r.reason == reason)
            return r.name;
    return "Unknown";
}

StatusReason statusReasonFromString(const std::string &text)
{
    for (const auto &r : kReasonNames)
        if (text == r.name)
            return r.reason;
    return StatusReason::Unknown;
}

StatusReason statusReasonFromCode(int code)
{
    switch (code) {
    case 400: return StatusReason::BadRequest;
    case 401: return StatusReason::Unauthorized;
    case 403: return StatusReason::Forbidden;
    case 404: return StatusReason::NotFound;
    case 405: return StatusReason::MethodNotAllowed;
    case 406: return StatusReason::NotAcceptable;
    case 409: return StatusReason::Conflict;
    case 410: return StatusReason::Gone;
    case 415: return StatusReason::UnsupportedMediaType;
    case 422: return StatusReason::Invalid;
    case 429: return StatusReason::TooManyRequests;
    case 500: return StatusReason::InternalError;
    case 503: return StatusReason::ServiceUnavailable;
    case 504: return StatusReason::Timeout;
    default: return StatusReason::Unknown;
    }
}

} // namespace kube
