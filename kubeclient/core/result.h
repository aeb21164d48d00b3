// Result<T>: a value or a kube::Error, the one error vocabulary across Tenantry's layers.
// g++ 12 has no std::expected; this is the small subset we need.
#pragma once

#include "kubeclient/core/error.h"

#include <cassert>
#include <utility>
#include <variant>

namespace kube {

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { assert(ok()); return std::get<0>(m_v); }
    const T &value() const & { assert(ok()); return std::get<0>(m_v); }
    T &&value() && { assert(ok()); return std::get<0>(std::move(m_v)); }
    T valueOr(T fallback) const { return ok() ? std::get<0>(m_v) : std::move(fallback); }

    const Error &error() const { assert(!ok()); return std::get<1>(m_v); }
    Error &error() { assert(!ok()); return std::get<1>(m_v); }

    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { assert(m_failed); return m_error; }
    Error &error() { assert(m_failed); return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace kube
