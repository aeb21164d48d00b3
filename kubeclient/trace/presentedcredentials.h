// What a kubeconfig context presents to kube-apiserver, told without a secret: the client
// certificate's subject (CN = user, O = groups) read with OpenSSL, where a token comes from
// (inline, file, exec plugin, OIDC) and the claims a JWT carries (the payload only, never the
// token or its signature), basic auth's user name, and the kubeconfig's own impersonation.
#pragma once

#include "kubeclient/core/result.h"
#include "kubeclient/kubeconfig/kubeconfig.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kube::trace {

struct CertificateSubject {
    std::string commonName;                  // the user name kube-apiserver takes
    std::vector<std::string> organizations;  // the groups
    std::string issuer;                      // "CN=kubernetes-ca"
    std::string notBefore, notAfter;         // "2025-01-31T10:00:00Z"
    bool expired = false;
    bool notYetValid = false;
};

// The first certificate of a PEM text. Errors are ErrorKind::Tls and name no bytes of it.
Result<CertificateSubject> certificateSubject(const std::string &pem);

// A JWT's payload as JSON (header and signature are not looked at). Errors name the part that
// did not decode, never the token.
Result<nlohmann::json> jwtClaims(const std::string &token);
// The claims people recognise, as "name: value" lines (exp and iat as UTC times).
std::vector<std::string> describeClaims(const nlohmann::json &claims);

struct PresentedCredentials {
    std::string contextName, userEntry, clusterName, server;
    // "client certificate", "bearer token (inline)", "bearer token (file)", "exec plugin",
    // "OIDC auth-provider", "auth-provider NAME", "basic auth", "none (anonymous)"
    std::string method;
    std::optional<CertificateSubject> certificate;
    nlohmann::json claims;  // of a JWT token or id-token, when it is one; null otherwise
    std::string tokenSource;  // "inline in /path/config", "file /var/run/token", "exec: aws ..."
    std::string basicUser;
    std::string impersonate;  // the kubeconfig's `as`
    std::vector<std::string> impersonateGroups;
    std::vector<std::string> problems;  // a certificate that does not parse, an unreadable token file

    // Lines for people: what is presented and what it tells about the identity.
    std::vector<std::string> describe() const;
    nlohmann::json toJson() const;
};

// Reads files the context names (client certificate, token file) relative to their
// kubeconfig; never runs an exec plugin and never refreshes a token.
PresentedCredentials describePresented(const ResolvedContext &context);

} // namespace kube::trace
