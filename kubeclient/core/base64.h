// Base64 in the two flavours Kubernetes uses: standard (kubeconfig *-data fields, as Go's
// encoding/json decodes []byte) and raw URL-safe (JWT segments of OIDC id-tokens).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kube {

class Base64
{
public:
    static std::string encode(std::string_view bytes);

    // Standard alphabet, padding required, CR/LF ignored: exactly what Go's StdEncoding accepts,
    // so a kubeconfig that kubectl loads also loads here. On failure, *badOffset is the
    // offset of the first offending input byte (the number Go prints in its error).
    static std::optional<std::string> decode(std::string_view text, std::size_t *badOffset = nullptr);

    // URL-safe alphabet, padding optional (JWTs strip it).
    static std::optional<std::string> decodeUrl(std::string_view text);
};

} // namespace kube
