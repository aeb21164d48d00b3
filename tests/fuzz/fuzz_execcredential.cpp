// An exec credential plugin's stdout (client.authentication.k8s.io ExecCredential) as the
// provider parses it. First byte picks the apiVersion the kubeconfig configures.
#include "fuzzcheck.h"
#include "kubeclient/kubeconfig/execcredentialprovider.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const char *const kVersions[] = {"client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1",
                                            "client.authentication.k8s.io/v1alpha1"};
    const std::string apiVersion = kVersions[data[0] % 3];
    const std::string stdoutText(reinterpret_cast<const char *>(data) + 1, size - 1);
    auto status = kube::ExecCredentialProvider::parseCredential(stdoutText, apiVersion);
    if (!status.ok())
        return 0;
    FUZZ_CHECK(!status->token.empty() || (!status->clientCertificateData.empty() && !status->clientKeyData.empty()),
               "a credential without a token or a certificate and key was accepted");
    // What the provider does with it: compare with now (times past the clock's range are its ends,
    // so arithmetic on them would overflow; the provider does none).
    if (status->expirationTimestamp)
        (void)(*status->expirationTimestamp < std::chrono::system_clock::now());
    return 0;
}
