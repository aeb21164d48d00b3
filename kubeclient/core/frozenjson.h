// A read-only JSON document in one block of memory: what the stores and the tenancy graph keep
// of every object they hold. An nlohmann::json tree costs five to seven times the object's
// text (a std::map node per member, an allocation per long string); a frozen document costs
// about the text: 12-byte nodes, strings inline, member names (and the values of apiVersion,
// kind and apiGroup) interned once per process, the shared_ptr's control block in the block.
//
// FrozenJson is a node of such a document and reads like a const nlohmann::json (is_string(),
// find(), value(), get<T>(), iteration with key()/value()), so code written against either can
// be a template over the two. Nodes are never made directly: freeze() builds a document and
// hands out its root; every offset inside is relative to the node, so a `const FrozenJson &` is
// a plain reference into the block. A missing member or index reads as a shared null node.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

namespace kube {

class FrozenJson;
using FrozenPtr = std::shared_ptr<const FrozenJson>;

// A frozen copy of `value` (binary values, which JSON text never has, read back as null).
// Throws std::length_error for a document of 2 GiB or more.
FrozenPtr freeze(const nlohmann::json &value);
// The heap bytes of the document `root` belongs to (its block; the shared_ptr's control block
// and the interned member names are not counted).
std::size_t frozenBytes(const FrozenJson &root);
// How many distinct member names are interned now (for tests: names are released with the
// last document that uses them).
std::size_t frozenKeyCount();

class FrozenJson
{
public:
    using value_t = nlohmann::json::value_t;

    class const_iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = FrozenJson;
        using difference_type = std::ptrdiff_t;
        using pointer = const FrozenJson *;
        using reference = const FrozenJson &;

        const_iterator() = default;
        reference operator*() const { return *m_node; }
        pointer operator->() const { return m_node; }
        const_iterator &operator++() { ++m_node; return *this; }
        const_iterator operator++(int) { const_iterator old = *this; ++m_node; return old; }
        const_iterator &operator+=(difference_type n) { m_node += n; return *this; }
        const_iterator operator+(difference_type n) const { return const_iterator(m_node + n); }
        difference_type operator-(const const_iterator &other) const { return m_node - other.m_node; }
        bool operator==(const const_iterator &other) const = default;
        // The member's name ("" for array elements) and value, as nlohmann's iterators have them.
        const std::string &key() const;
        reference value() const { return *m_node; }

    private:
        friend class FrozenJson;
        explicit const_iterator(const FrozenJson *node) : m_node(node) {}
        const FrozenJson *m_node = nullptr;
    };
    using iterator = const_iterator;

    struct ItemRange {
        const_iterator first, last;
        const_iterator begin() const { return first; }
        const_iterator end() const { return last; }
    };

    FrozenJson(const FrozenJson &) = delete;
    FrozenJson &operator=(const FrozenJson &) = delete;

    value_t type() const;
    bool is_null() const { return tag() == Tag::Null; }
    bool is_boolean() const { return tag() == Tag::False || tag() == Tag::True; }
    bool is_number() const { return tag() >= Tag::Int32 && tag() <= Tag::Double; }
    bool is_number_integer() const { return tag() >= Tag::Int32 && tag() <= Tag::UInt64; }
    bool is_number_unsigned() const { return tag() == Tag::UInt32 || tag() == Tag::UInt64; }
    bool is_number_float() const { return tag() == Tag::Double; }
    bool is_string() const { return tag() == Tag::String || tag() == Tag::SharedString; }
    bool is_array() const { return tag() == Tag::Array; }
    bool is_object() const { return tag() == Tag::Object; }
    bool is_structured() const { return is_array() || is_object(); }
    bool is_primitive() const { return !is_structured(); }

    // As nlohmann: members of an object, elements of an array, 0 for null, 1 for a scalar.
    std::size_t size() const;
    bool empty() const { return size() == 0; }

    // Members (objects) or elements (arrays); empty for scalars.
    const_iterator begin() const;
    const_iterator end() const;
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }
    ItemRange items() const { return {begin(), end()}; }

    // end() when this is not an object or has no such member.
    const_iterator find(std::string_view key) const;
    bool contains(std::string_view key) const { return find(key) != end(); }
    std::size_t count(std::string_view key) const { return contains(key) ? 1 : 0; }
    // The member or element, or the shared null node when there is none (where nlohmann's
    // const operator[] would be undefined).
    const FrozenJson &operator[](std::string_view key) const;
    const FrozenJson &operator[](const char *key) const { return (*this)[std::string_view(key)]; }
    const FrozenJson &operator[](std::size_t index) const;
    const FrozenJson &operator[](int index) const { return (*this)[std::size_t(index < 0 ? size() : std::size_t(index))]; }
    // As nlohmann's at(): the member, or nlohmann::json::out_of_range (403) when there is none.
    const FrozenJson &at(std::string_view key) const;
    // The member reached by a JSON pointer ("/metadata/labels/app"; "~1" and "~0" escaped), or
    // the null node.
    const FrozenJson &at_pointer(std::string_view pointer) const;

    // The string's bytes, "" when this is not a string: the copy-free read for hot paths.
    std::string_view text() const;

    // As nlohmann's get<T>(): strings, booleans and numbers (any arithmetic type from any
    // number), nlohmann::json (a copy). A mismatch throws nlohmann::json::type_error (302).
    template <typename T>
    T get() const;
    // The member converted to T when the member is there and has a matching type, else
    // `fallback`. Unlike nlohmann's value() a mismatched type reads as the fallback: objects
    // come from clusters we do not control.
    template <typename T>
    T value(std::string_view key, const T &fallback) const;
    std::string value(std::string_view key, const char *fallback) const;

    // An nlohmann copy of this node: for editors, the YAML tab, writes (one object at a time).
    nlohmann::json toJson() const;
    std::string dump(int indent = -1) const { return toJson().dump(indent); }

    // Same JSON value (numbers compare by value across their kinds, as nlohmann's do).
    bool operator==(const FrozenJson &other) const;
    bool operator==(const nlohmann::json &other) const { return toJson() == other; }

    // The shared null node: what a missing member reads as; and an empty array.
    static const FrozenJson &null();
    static const FrozenJson &emptyArray();

private:
    friend class FrozenBuilder;
    friend std::size_t frozenBytes(const FrozenJson &root);
    friend void releaseFrozenKeys(const FrozenJson *root, std::uint32_t nodes);

    // SharedString: a vocabulary value (apiVersion, kind, apiGroup) kept once per process in the
    // names' table, its id in m_rel.
    enum class Tag : std::uint8_t { Null, False, True, Int32, UInt32, Int64, UInt64, Double, String, Array, Object, SharedString };
    static constexpr std::uint32_t kNoKey = 0xFFFFFFFFu;
    static constexpr std::uint32_t kLongLength = 0x0FFFFFFFu;  // length stored before the bytes

    FrozenJson() = default;
    Tag tag() const { return Tag(m_head & 0xFu); }
    std::uint32_t length() const { return m_head >> 4; }
    const char *payload() const { return reinterpret_cast<const char *>(this) + m_rel; }
    const FrozenJson *children() const { return reinterpret_cast<const FrozenJson *>(payload()); }
    std::int64_t asInt64() const;
    std::uint64_t asUInt64() const;
    double asDouble() const;
    [[noreturn]] void typeError(const char *wanted) const;

    std::uint32_t m_key = kNoKey;          // interned member name, kNoKey outside objects
    std::uint32_t m_head = 0;              // tag (low 4 bits), count or string length
    std::int32_t m_rel = 0;                // a 32-bit number, or the payload's offset from here
};
static_assert(sizeof(FrozenJson) == 12);

template <typename T>
T FrozenJson::get() const
{
    using U = std::remove_cv_t<T>;
    if constexpr (std::is_same_v<U, std::string>) {
        if (!is_string())
            typeError("string");
        return std::string(text());
    } else if constexpr (std::is_same_v<U, bool>) {
        if (!is_boolean())
            typeError("boolean");
        return tag() == Tag::True;
    } else if constexpr (std::is_arithmetic_v<U>) {
        switch (tag()) {
        case Tag::Int32:
        case Tag::Int64: return U(asInt64());
        case Tag::UInt32:
        case Tag::UInt64: return U(asUInt64());
        case Tag::Double: return U(asDouble());
        default: typeError("number");
        }
    } else if constexpr (std::is_same_v<U, nlohmann::json>) {
        return toJson();
    } else {
        static_assert(std::is_same_v<U, std::string>, "FrozenJson::get: unsupported type");
    }
}

template <typename T>
T FrozenJson::value(std::string_view key, const T &fallback) const
{
    const auto it = find(key);
    if (it == end())
        return fallback;
    if constexpr (std::is_same_v<T, std::string>) {
        return it->is_string() ? std::string(it->text()) : fallback;
    } else if constexpr (std::is_same_v<T, bool>) {
        return it->is_boolean() ? it->template get<bool>() : fallback;
    } else if constexpr (std::is_arithmetic_v<T>) {
        return it->is_number() ? it->template get<T>() : fallback;
    } else {
        return it->template get<T>();
    }
}

inline std::string FrozenJson::value(std::string_view key, const char *fallback) const
{
    return value(key, std::string(fallback));
}

} // namespace kube
