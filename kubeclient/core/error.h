// Errors: a transport failure and an API Status are different facts, kept apart here.
// Every error text says where (cluster, object) and, when we know it, what to do.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kube {

enum class ErrorKind {
    Config,     // kubeconfig missing, unreadable, invalid
    Auth,       // credential plugin / token file / OIDC failure
    Transport,  // DNS, connect, reset, proxy
    Tls,        // certificate verification, bad client cert/key
    Timeout,    // connect or read timeout on our side
    Cancelled,  // cancelled by the caller
    Api,        // the server answered with a non-2xx Status (see ApiStatus)
    Decode,     // the server's body is not what the protocol promises
    Invalid,    // the caller's input is invalid (name, quantity, selector...)
};

// Kubernetes metav1.StatusReason values we act on; Unknown keeps the raw text in reasonText.
enum class StatusReason {
    Unknown,
    NotFound,
    AlreadyExists,
    Conflict,
    Forbidden,
    Unauthorized,
    Invalid,
    Expired,
    Gone,
    TooManyRequests,
    Timeout,
    ServerTimeout,
    InternalError,
    BadRequest,
    MethodNotAllowed,
    NotAcceptable,
    UnsupportedMediaType,
    ServiceUnavailable,
};

struct StatusCause {
    std::string type;     // e.g. FieldValueInvalid, FieldManagerConflict
    std::string message;
    std::string field;
};

// A decoded metav1.Status (or a synthesized one when the body was not a Status).
struct ApiStatus {
    int code = 0;
    StatusReason reason = StatusReason::Unknown;
    std::string reasonText;  // the server's reason string verbatim
    std::string message;     // the server's message verbatim
    std::string group, kind, name;  // details
    std::vector<StatusCause> causes;
    int retryAfterSeconds = 0;
};

struct Error {
    ErrorKind kind = ErrorKind::Transport;
    std::string message;            // what happened, in words, never containing a secret
    std::string where;              // cluster / server / file:line / object it concerns
    std::string hint;               // what the user can do about it, may be empty
    std::optional<ApiStatus> status;  // set for ErrorKind::Api

    static Error make(ErrorKind kind, std::string message, std::string where = {}, std::string hint = {});
    static Error api(ApiStatus status, std::string where = {});

    bool isApi(StatusReason r) const { return status && status->reason == r; }
    int httpCode() const { return status ? status->code : 0; }
    // "Gone"/"Expired" or code 410: the caller must relist / restart.
    bool isGone() const;

    // One line for the user: "<where>: <message> (<hint>)".
    std::string describe() const;
    // The same error seen from a wider context ("cluster dev: ...").
    Error withContext(const std::string &outer) const;
};

const char *toString(ErrorKind kind);
const char *toString(StatusReason reason);
StatusReason statusReasonFromString(const std::string &text);
// Reason implied by an HTTP code when the body carried no Status.
StatusReason statusReasonFromCode(int code);

} // namespace kube
