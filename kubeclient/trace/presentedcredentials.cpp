// Describes credentials without ever holding a secret longer than it takes to read its public
// part: certificates through OpenSSL (subject, issuer, validity), JWTs by their payload.
#include "kubeclient/trace/presentedcredentials.h"

#include "kubeclient/core/base64.h"
#include "kubeclient/kubeconfig/kubeconfigpath.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>

namespace kube::trace {

namespace {

struct BioFree {
    void operator()(BIO *b) const { BIO_free(b); }
};
struct X509Free {
    void operator()(X509 *x) const { X509_free(x); }
};

int noPassword(char *, int, int, void *) { return -1; }

std::string entryText(const X509_NAME_ENTRY *entry)
{
    const ASN1_STRING *data = X509_NAME_ENTRY_get_data(entry);
    unsigned char *utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, data);
    if (n < 0)
        return {};
    std::string out(reinterpret_cast<char *>(utf8), size_t(n));
    OPENSSL_free(utf8);
    return out;
}

std::vector<std::string> entries(const X509_NAME *name, int nid)
{
    std::vector<std::string> out;
    for (int i = X509_NAME_get_index_by_NID(name, nid, -1); i >= 0; i = X509_NAME_get_index_by_NID(name, nid, i))
        out.push_back(entryText(X509_NAME_get_entry(name, i)));
    return out;
}

std::string isoTime(std::time_t t)
{
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string asn1Time(const ASN1_TIME *t)
{
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string joined(const std::vector<std::string> &items, const char *sep = ", ")
{
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : sep) + i;
    return out;
}

std::optional<std::string> readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
        s.pop_back();
    return s;
}

bool looksLikeJwt(const std::string &token)
{
    return std::count(token.begin(), token.end(), '.') == 2;
}

} // namespace

Result<CertificateSubject> certificateSubject(const std::string &pem)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    std::unique_ptr<X509, X509Free> cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, noPassword, nullptr) : nullptr);
    ERR_clear_error();
    if (!cert)
        return Error::make(ErrorKind::Tls, "the client certificate is not a PEM certificate", {},
                           "expected a block starting with -----BEGIN CERTIFICATE-----");
    CertificateSubject s;
    const X509_NAME *subject = X509_get_subject_name(cert.get());
    const auto cns = entries(subject, NID_commonName);
    s.commonName = cns.empty() ? std::string() : cns.front();
    s.organizations = entries(subject, NID_organizationName);
    const X509_NAME *issuer = X509_get_issuer_name(cert.get());
    const auto issuerCn = entries(issuer, NID_commonName);
    s.issuer = issuerCn.empty() ? std::string() : "CN=" + issuerCn.front();
    s.notBefore = asn1Time(X509_get0_notBefore(cert.get()));
    s.notAfter = asn1Time(X509_get0_notAfter(cert.get()));
    s.expired = X509_cmp_current_time(X509_get0_notAfter(cert.get())) < 0;
    s.notYetValid = X509_cmp_current_time(X509_get0_notBefore(cert.get())) > 0;
    ERR_clear_error();
    return s;
}

Result<nlohmann::json> jwtClaims(const std::string &token)
{
    const auto first = token.find('.');
    const auto second = first == std::string::npos ? std::string::npos : token.find('.', first + 1);
    if (second == std::string::npos || token.find('.', second + 1) != std::string::npos)
        return Error::make(ErrorKind::Invalid, "the token is not a JWT (three dot-separated parts)");
    auto payload = Base64::decodeUrl(std::string_view(token).substr(first + 1, second - first - 1));
    if (!payload)
        return Error::make(ErrorKind::Invalid, "the JWT's payload is not base64url");
    auto claims = nlohmann::json::parse(*payload, nullptr, false);
    if (!claims.is_object())
        return Error::make(ErrorKind::Invalid, "the JWT's payload is not a JSON object");
    return claims;
}

std::vector<std::string> describeClaims(const nlohmann::json &claims)
{
    std::vector<std::string> out;
    if (!claims.is_object())
        return out;
    auto text = [](const nlohmann::json &v) -> std::string {
        if (v.is_string())
            return v.get<std::string>();
        if (v.is_array()) {
            std::vector<std::string> items;
            for (const auto &i : v)
                items.push_back(i.is_string() ? i.get<std::string>() : i.dump());
            return "[" + joined(items) + "]";
        }
        return v.dump();
    };
    for (const char *key : {"iss", "sub", "aud", "email", "email_verified", "name", "preferred_username", "groups"})
        if (claims.contains(key))
            out.push_back(std::string(key) + ": " + text(claims[key]));
    for (const char *key : {"iat", "exp"})
        if (claims.contains(key) && claims[key].is_number()) {
            const auto t = std::time_t(claims[key].get<double>());
            std::string line = std::string(key) + ": " + isoTime(t);
            if (std::string(key) == "exp" && t < std::time(nullptr))
                line += " (expired)";
            out.push_back(line);
        }
    // A ServiceAccount token names its account and, when bound, the pod.
    if (auto k = claims.find("kubernetes.io"); k != claims.end() && k->is_object()) {
        if (k->contains("namespace"))
            out.push_back("kubernetes.io/namespace: " + text((*k)["namespace"]));
        if (auto sa = k->find("serviceaccount"); sa != k->end() && sa->is_object())
            out.push_back("kubernetes.io/serviceaccount: " + text(sa->value("name", nlohmann::json(""))));
        if (auto pod = k->find("pod"); pod != k->end() && pod->is_object())
            out.push_back("kubernetes.io/pod: " + text(pod->value("name", nlohmann::json(""))));
    }
    return out;
}

std::vector<std::string> PresentedCredentials::describe() const
{
    std::vector<std::string> out;
    out.push_back("kubeconfig context \"" + contextName + "\", user entry \"" + (userEntry.empty() ? "(none)" : userEntry) +
                  "\", cluster \"" + clusterName + "\" at " + server);
    out.push_back("presents: " + method + (tokenSource.empty() ? "" : " (" + tokenSource + ")"));
    if (certificate) {
        out.push_back("client certificate subject: CN=" + certificate->commonName +
                      (certificate->organizations.empty() ? "" : ", O=" + joined(certificate->organizations, ", O=")));
        out.push_back("  -> user \"" + certificate->commonName + "\"" +
                      (certificate->organizations.empty() ? "" : ", groups [" + joined(certificate->organizations) + "]"));
        out.push_back("  issued by " + (certificate->issuer.empty() ? std::string("?") : certificate->issuer) + ", valid " +
                      certificate->notBefore + " to " + certificate->notAfter +
                      (certificate->expired ? " (EXPIRED)" : certificate->notYetValid ? " (NOT YET VALID)" : ""));
    }
    if (!basicUser.empty())
        out.push_back("basic auth user \"" + basicUser + "\" (the password is not shown)");
    if (!claims.is_null()) {
        out.push_back("token claims (the token itself is never shown):");
        for (const auto &c : describeClaims(claims))
            out.push_back("  " + c);
    }
    if (!impersonate.empty() || !impersonateGroups.empty())
        out.push_back("the kubeconfig impersonates: " + (impersonate.empty() ? std::string("(no user)") : impersonate) +
                      (impersonateGroups.empty() ? "" : " [" + joined(impersonateGroups) + "]"));
    for (const auto &p : problems)
        out.push_back("problem: " + p);
    return out;
}

nlohmann::json PresentedCredentials::toJson() const
{
    nlohmann::json j = {{"context", contextName}, {"user", userEntry}, {"cluster", clusterName}, {"server", server},
                        {"method", method}};
    if (!tokenSource.empty())
        j["tokenSource"] = tokenSource;
    if (certificate)
        j["certificate"] = {{"commonName", certificate->commonName}, {"organizations", certificate->organizations},
                            {"issuer", certificate->issuer}, {"notBefore", certificate->notBefore},
                            {"notAfter", certificate->notAfter}, {"expired", certificate->expired}};
    if (!basicUser.empty())
        j["basicAuthUser"] = basicUser;
    if (!claims.is_null())
        j["claims"] = claims;
    if (!impersonate.empty() || !impersonateGroups.empty())
        j["impersonate"] = {{"user", impersonate}, {"groups", impersonateGroups}};
    if (!problems.empty())
        j["problems"] = problems;
    return j;
}

PresentedCredentials describePresented(const ResolvedContext &ctx)
{
    PresentedCredentials p;
    p.contextName = ctx.contextName;
    p.userEntry = ctx.userName;
    p.clusterName = ctx.clusterName;
    p.server = ctx.cluster.server;
    const KubeconfigUser &u = ctx.user;
    p.impersonate = u.impersonate;
    p.impersonateGroups = u.impersonateGroups;
    std::vector<std::string> methods;
    auto addClaimsOf = [&p](const std::string &token) {
        if (!looksLikeJwt(token))
            return;
        if (auto c = jwtClaims(token))
            p.claims = *c;
        else
            p.problems.push_back(c.error().message);
    };
    std::string certPem = u.clientCertificateData;
    if (certPem.empty() && !u.clientCertificate.empty()) {
        const std::string path = KubeconfigPath::resolve(u.clientCertificate, u.origin.baseDir);
        if (auto text = readFile(path))
            certPem = *text;
        else
            p.problems.push_back("client-certificate " + path + " cannot be read");
    }
    if (!certPem.empty()) {
        methods.push_back("client certificate");
        if (auto s = certificateSubject(certPem))
            p.certificate = *s;
        else
            p.problems.push_back(s.error().message);
    }
    if (!u.token.empty()) {
        methods.push_back("bearer token (inline)");
        p.tokenSource = "inline in " + u.origin.describe();
        addClaimsOf(u.token);
    } else if (!u.tokenFile.empty()) {
        methods.push_back("bearer token (file)");
        const std::string path = KubeconfigPath::resolve(u.tokenFile, u.origin.baseDir);
        p.tokenSource = "file " + path;
        if (auto text = readFile(path))
            addClaimsOf(trimmed(*text));
        else
            p.problems.push_back("token file " + path + " cannot be read");
    }
    if (u.exec) {
        methods.push_back("exec plugin");
        p.tokenSource = "exec: " + u.exec->command +
                        (u.exec->args && !u.exec->args->empty() ? " " + joined(*u.exec->args, " ") : std::string()) +
                        (u.exec->apiVersion.empty() ? "" : " (" + u.exec->apiVersion + ")");
    }
    if (u.authProvider) {
        const bool oidc = u.authProvider->name == "oidc";
        methods.push_back(oidc ? "OIDC auth-provider" : "auth-provider " + u.authProvider->name);
        if (oidc && u.authProvider->config) {
            const auto &cfg = *u.authProvider->config;
            auto at = [&cfg](const char *key) {
                auto it = cfg.find(key);
                return it == cfg.end() ? std::string() : it->second;
            };
            p.tokenSource = "issuer " + at("idp-issuer-url") + ", client " + at("client-id") +
                            (at("refresh-token").empty() ? "" : ", refreshable");
            if (!at("id-token").empty())
                addClaimsOf(at("id-token"));
            else
                p.problems.push_back("the OIDC entry has no id-token yet: the first request obtains one");
        }
    }
    if (!u.username.empty()) {
        methods.push_back("basic auth");
        p.basicUser = u.username;
    }
    p.method = methods.empty() ? "none (anonymous)" : joined(methods, " + ");
    return p;
}

} // namespace kube::trace
