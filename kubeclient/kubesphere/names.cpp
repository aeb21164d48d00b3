// Names and validation rules. The messages follow apimachinery's wording so a user who knows
// kubectl recognises them, and say which field and value failed.
#include "kubeclient/kubesphere/names.h"

#include "kubeclient/kubesphere/labels.h"

#include <cctype>
#include <cstdint>
#include <regex>

namespace kube::tenancy {

namespace {
constexpr size_t kDnsLabelMax = 63;
constexpr size_t kDnsSubdomainMax = 253;
constexpr size_t kPasswordMin = 8;
constexpr size_t kPasswordMax = 64;

Error invalid(const std::string &what, const std::string &value, const std::string &rule)
{
    return Error::make(ErrorKind::Invalid, what + " \"" + value + "\" is invalid: " + rule, what);
}

bool isDnsLabel(const std::string &v)
{
    static const std::regex re("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    return !v.empty() && v.size() <= kDnsLabelMax && std::regex_match(v, re);
}
} // namespace

std::string fnv64a(const std::string &text)
{
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4)
        out[static_cast<size_t>(i)] = digits[h & 0xf];
    return out;
}

std::string workspaceRoleName(const std::string &workspace, const std::string &role)
{
    std::string name = workspace + "-" + role;
    if (name.size() > kDnsLabelMax)
        name = role + "." + fnv64a(workspace);
    return name;
}

std::string fitName(const std::string &name, size_t max)
{
    constexpr size_t kHashPart = 17;  // "-" and 16 hex digits
    if (name.size() <= max || max <= kHashPart)
        return name;
    std::string head = name.substr(0, max - kHashPart);
    while (!head.empty() && !std::isalnum(static_cast<unsigned char>(head.back())))
        head.pop_back();
    return head.empty() ? fnv64a(name) : head + "-" + fnv64a(name);
}

std::string refLabelValue(const std::string &name)
{
    if (validateLabelValue(name, "label value"))
        return name;
    return fitName(name, kDnsLabelMax);
}

std::string userServiceAccountName(const std::string &user) { return "kubesphere.users." + user; }

std::string userOfServiceAccount(const std::string &ns, const std::string &name)
{
    static const std::string prefix = "kubesphere.users.";
    if (ns != kUserServiceAccountNamespace || name.size() <= prefix.size() || name.rfind(prefix, 0) != 0)
        return {};
    return name.substr(prefix.size());
}

std::string memberBindingName(const std::string &user, const std::string &role) { return fitName(user + "-" + role); }
std::string managerBindingName(const std::string &workspace) { return workspaceRoleName(workspace, "admin"); }
std::string workspaceRoleObjectName(const std::string &workspace, const std::string &word,
                                    const std::function<std::optional<std::string>(const std::string &)> &workspaceOf)
{
    if (auto ws = workspaceOf(word); ws && *ws == workspace)
        return word;
    if (word.rfind(workspace + "-", 0) == 0 && !workspaceOf(workspaceRoleName(workspace, word)))
        return word;
    return workspaceRoleName(workspace, word);
}

std::string platformAdminBindingName(const std::string &user) { return user + "-cluster-admin"; }
std::string creatorBindingName(const std::string &creator) { return fitName(creator + "-admin"); }
std::string mirrorName(const std::string &name) { return std::string(kMirrorPrefix) + name; }
std::string projectionName(const std::string &workspaceRole)
{
    return fitName("tenantry:workspace:" + workspaceRole, kDnsSubdomainMax);
}

Result<void> validateDnsLabel(const std::string &value, const std::string &what)
{
    if (value.empty())
        return Error::make(ErrorKind::Invalid, what + " is required", what);
    if (value.size() > kDnsLabelMax)
        return invalid(what, value, "must be no more than 63 characters");
    if (!isDnsLabel(value))
        return invalid(what, value,
                       "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
                       "and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc')");
    return {};
}

Result<void> validateDnsSubdomain(const std::string &value, const std::string &what)
{
    if (value.empty())
        return Error::make(ErrorKind::Invalid, what + " is required", what);
    if (value.size() > kDnsSubdomainMax)
        return invalid(what, value, "must be no more than 253 characters");
    static const std::regex re("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    if (!std::regex_match(value, re))
        return invalid(what, value,
                       "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
                       "'.', and must start and end with an alphanumeric character (e.g. 'example.com')");
    return {};
}

Result<void> validateLabelValue(const std::string &value, const std::string &what)
{
    if (value.size() > kDnsLabelMax)
        return invalid(what, value, "a label value must be no more than 63 characters");
    static const std::regex re("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
    if (!std::regex_match(value, re))
        return invalid(what, value,
                       "a valid label value must be an empty string or consist of alphanumeric characters, '-', '_' "
                       "or '.', and must start and end with an alphanumeric character");
    return {};
}

Result<void> validateEmail(const std::string &value)
{
    if (value.empty())
        return Error::make(ErrorKind::Invalid, "email is required", "email");
    // The common RFC 5322 subset KubeSphere's webhook accepts (net/mail addr-spec without
    // display names): local@domain with a dotted domain.
    static const std::regex re(R"(^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$)");
    if (value.size() > 254 || !std::regex_match(value, re))
        return invalid("email", value, "must be an address like name@example.com");
    return {};
}

Result<void> validatePassword(const std::string &value)
{
    static const std::regex bcrypt(R"(^\$2[aby]\$.{56}$)");
    if (std::regex_match(value, bcrypt))
        return {};
    const bool lower = std::regex_search(value, std::regex("[a-z]"));
    const bool upper = std::regex_search(value, std::regex("[A-Z]"));
    const bool digit = std::regex_search(value, std::regex("[0-9]"));
    if (value.size() < kPasswordMin || value.size() > kPasswordMax || !lower || !upper || !digit)
        return Error::make(ErrorKind::Invalid,
                           "password must be 8 to 64 characters long and contain a lower-case letter, an upper-case "
                           "letter and a digit",
                           "password");
    return {};
}

Result<void> validateWorkspaceName(const std::string &name) { return validateDnsLabel(name, "workspace name"); }
Result<void> validateProjectName(const std::string &name) { return validateDnsLabel(name, "project name"); }

Result<void> validateUserName(const std::string &name)
{
    // Users are cluster-scoped objects and name RBAC subjects: a DNS subdomain, and usable as a
    // label value (iam.kubesphere.io/user-ref), hence at most 63 characters.
    if (auto r = validateDnsSubdomain(name, "user name"); !r)
        return r;
    return validateLabelValue(name, "user name");
}

Result<void> validateRoleName(const std::string &name) { return validateDnsSubdomain(name, "role name"); }

Result<void> validateEmailUnique(const std::string &email, const std::string &user, const std::vector<UserEmail> &users)
{
    if (email.empty())
        return {};
    for (const auto &other : users)
        if (other.email == email && other.user != user)
            return Error::make(ErrorKind::Invalid,
                               "email \"" + email + "\" is already used by user \"" + other.user + "\"", "email");
    return {};
}

} // namespace kube::tenancy
