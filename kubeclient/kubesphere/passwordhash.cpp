// bcrypt through libxcrypt. The 32 KiB work area of crypt_rn holds the password while it
// hashes; it lives on the heap and is wiped before it is freed.
#include "kubeclient/kubesphere/passwordhash.h"

#include <crypt.h>

#include <cstring>
#include <memory>
#include <regex>

namespace kube::tenancy {

namespace {
// bcrypt's cost range (golang.org/x/crypto/bcrypt MinCost and MaxCost).
constexpr int kMinCost = 4;
constexpr int kMaxCost = 31;

struct WipedCryptData {
    crypt_data data{};
    ~WipedCryptData() { explicit_bzero(&data, sizeof data); }
};

// crypt_rn over a zeroed work area; "" when libxcrypt refuses (it returns null on failure).
std::string cryptOnce(const std::string &phrase, const std::string &setting)
{
    auto area = std::make_unique<WipedCryptData>();
    const char *out = crypt_rn(phrase.c_str(), setting.c_str(), &area->data, int(sizeof area->data));
    return out && *out != '*' ? std::string(out) : std::string();
}
} // namespace

bool isBcryptHash(const std::string &value)
{
    // The User CRD's pattern (spec 3.3) with the cost spelled out: $2a$/$2b$/$2y$, two digits,
    // '$', 53 characters of bcrypt's base-64 alphabet.
    static const std::regex re(R"(^\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}$)");
    return std::regex_match(value, re);
}

int bcryptCost(const std::string &hash)
{
    if (!isBcryptHash(hash))
        return 0;
    return (hash[4] - '0') * 10 + (hash[5] - '0');
}

Result<std::string> bcryptHash(const std::string &password, int cost)
{
    if (cost < kMinCost || cost > kMaxCost)
        return Error::make(ErrorKind::Invalid,
                           "bcrypt cost must be " + std::to_string(kMinCost) + " to " + std::to_string(kMaxCost),
                           "password");
    // bcrypt reads at most 72 bytes and stops at a NUL: refuse what it would silently cut.
    if (password.size() > 72 || password.find('\0') != std::string::npos)
        return Error::make(ErrorKind::Invalid, "a password for bcrypt must be at most 72 bytes without NUL characters",
                           "password");
    char setting[CRYPT_GENSALT_OUTPUT_SIZE] = {};
    // Null random bytes: libxcrypt takes the salt from the operating system's random source.
    if (!crypt_gensalt_rn("$2b$", static_cast<unsigned long>(cost), nullptr, 0, setting, int(sizeof setting)))
        return Error::make(ErrorKind::Config, "libxcrypt could not make a bcrypt salt (no random source?)", "password");
    std::string hash = cryptOnce(password, setting);
    if (!isBcryptHash(hash))
        return Error::make(ErrorKind::Config, "libxcrypt could not hash the password with bcrypt", "password");
    return hash;
}

bool bcryptMatches(const std::string &password, const std::string &hash)
{
    if (!isBcryptHash(hash))
        return false;
    const std::string again = cryptOnce(password, hash);
    // Constant-time comparison: the hashes are the same length when both are bcrypt.
    if (again.size() != hash.size())
        return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < hash.size(); ++i)
        diff |= static_cast<unsigned char>(again[i] ^ hash[i]);
    return diff == 0;
}

} // namespace kube::tenancy
