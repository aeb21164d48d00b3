// Checks on the PEM material a kubeconfig carries, done when a context is turned into a
// transport so a wrong file is reported against the kubeconfig, not as a TLS handshake error.
#pragma once

#include "kubeclient/core/result.h"

#include <string>

namespace kube {

class KubeconfigPem
{
public:
    // Number of X.509 certificates in a PEM bundle (0: none, or not PEM at all).
    static int countCertificates(const std::string &pem);
    // The first certificate parses, the key parses, and the key is the certificate's key.
    // Error messages describe the problem only; the caller adds where it came from.
    static Result<void> checkKeyPair(const std::string &certPem, const std::string &keyPem);
};

} // namespace kube
