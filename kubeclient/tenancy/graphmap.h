// A persistent sorted map (AVL, path copying) for the tenancy graph: a published version never
// changes, so a graph snapshot is a handful of pointer copies and readers never block writers.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace kube::tenancy {

// Every modification names an edit: nodes created under that edit may be changed in place by
// later operations of the same edit (a transient, as in Clojure), all other nodes are copied.
// A writer takes a fresh edit per batch and publishes only at its end, so no published node is
// ever touched, while a bulk load of 50,000 objects allocates each node about once instead of
// copying a whole path per insert.
class GraphEdit
{
public:
    GraphEdit() : m_id(next()) {}
    std::uint64_t id() const { return m_id; }

private:
    static std::uint64_t next()
    {
        static std::atomic<std::uint64_t> counter{0};
        return ++counter;
    }
    std::uint64_t m_id;
};

template <typename V>
class GraphMap
{
    struct Node {
        std::string key;
        V value;
        std::shared_ptr<Node> left;
        std::shared_ptr<Node> right;
        std::uint64_t edit = 0;
        int height = 1;
    };
    using NodePtr = std::shared_ptr<Node>;

public:
    GraphMap() = default;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    const V *find(std::string_view key) const
    {
        const Node *n = m_root.get();
        while (n) {
            const int c = key.compare(n->key);
            if (c < 0)
                n = n->left.get();
            else if (c > 0)
                n = n->right.get();
            else
                return &n->value;
        }
        return nullptr;
    }
    bool contains(std::string_view key) const { return find(key) != nullptr; }

    // Inserts or replaces.
    void set(const GraphEdit &edit, std::string_view key, V value)
    {
        bool added = false;
        m_root = insert(m_root, key, std::move(value), edit.id(), added);
        if (added)
            ++m_size;
    }

    // True when the key was present.
    bool erase(const GraphEdit &edit, std::string_view key)
    {
        if (!find(key))
            return false;
        m_root = remove(m_root, key, edit.id());
        --m_size;
        return true;
    }

    // In key order; visit returns false to stop.
    template <typename F>
    void forEach(F &&visit) const
    {
        walk(m_root.get(), visit);
    }

    // The keys that start with prefix, in order. They form one contiguous range, so this costs
    // O(log n + matches): "all bindings of namespace p1" is a range of "p1/".
    template <typename F>
    void forEachWithPrefix(std::string_view prefix, F &&visit) const
    {
        walkPrefix(m_root.get(), prefix, visit);
    }

    std::size_t countWithPrefix(std::string_view prefix) const
    {
        std::size_t n = 0;
        forEachWithPrefix(prefix, [&](const std::string &, const V &) {
            ++n;
            return true;
        });
        return n;
    }

    bool sameRoot(const GraphMap &other) const { return m_root == other.m_root; }

    // Keys in order, AVL heights and balance, and the size: for consistency checks in tests.
    bool valid() const
    {
        std::size_t count = 0;
        const std::string *last = nullptr;
        return check(m_root.get(), count, last) >= 0 && count == m_size;
    }

private:
    static int heightOf(const NodePtr &n) { return n ? n->height : 0; }

    static void fix(Node &n) { n.height = 1 + std::max(heightOf(n.left), heightOf(n.right)); }

    // The node itself when this edit made it, else a private copy stamped with the edit.
    static NodePtr own(const NodePtr &n, std::uint64_t edit)
    {
        if (n->edit == edit)
            return n;
        auto copy = std::make_shared<Node>(*n);
        copy->edit = edit;
        return copy;
    }

    static NodePtr rotateRight(NodePtr n, std::uint64_t edit)
    {
        NodePtr l = own(n->left, edit);
        n->left = l->right;
        fix(*n);
        l->right = std::move(n);
        fix(*l);
        return l;
    }

    static NodePtr rotateLeft(NodePtr n, std::uint64_t edit)
    {
        NodePtr r = own(n->right, edit);
        n->right = r->left;
        fix(*n);
        r->left = std::move(n);
        fix(*r);
        return r;
    }

    // n is owned by the edit; its children differ in height by at most two.
    static NodePtr rebalance(NodePtr n, std::uint64_t edit)
    {
        fix(*n);
        const int balance = heightOf(n->left) - heightOf(n->right);
        if (balance > 1) {
            if (heightOf(n->left->left) < heightOf(n->left->right))
                n->left = rotateLeft(own(n->left, edit), edit);
            return rotateRight(std::move(n), edit);
        }
        if (balance < -1) {
            if (heightOf(n->right->right) < heightOf(n->right->left))
                n->right = rotateRight(own(n->right, edit), edit);
            return rotateLeft(std::move(n), edit);
        }
        return n;
    }

    static NodePtr insert(const NodePtr &n, std::string_view key, V &&value, std::uint64_t edit, bool &added)
    {
        if (!n) {
            auto fresh = std::make_shared<Node>();
            fresh->key = std::string(key);
            fresh->value = std::move(value);
            fresh->edit = edit;
            added = true;
            return fresh;
        }
        const int c = key.compare(n->key);
        if (c == 0) {
            NodePtr m = own(n, edit);
            m->value = std::move(value);
            return m;
        }
        NodePtr child = insert(c < 0 ? n->left : n->right, key, std::move(value), edit, added);
        NodePtr m = own(n, edit);
        (c < 0 ? m->left : m->right) = std::move(child);
        return rebalance(std::move(m), edit);
    }

    // Detaches the smallest node of n into `min`.
    static NodePtr removeMin(const NodePtr &n, std::uint64_t edit, NodePtr &min)
    {
        if (!n->left) {
            min = n;
            return n->right;
        }
        NodePtr child = removeMin(n->left, edit, min);
        NodePtr m = own(n, edit);
        m->left = std::move(child);
        return rebalance(std::move(m), edit);
    }

    static NodePtr remove(const NodePtr &n, std::string_view key, std::uint64_t edit)
    {
        const int c = key.compare(n->key);
        if (c != 0) {
            NodePtr child = remove(c < 0 ? n->left : n->right, key, edit);
            NodePtr m = own(n, edit);
            (c < 0 ? m->left : m->right) = std::move(child);
            return rebalance(std::move(m), edit);
        }
        if (!n->left)
            return n->right;
        if (!n->right)
            return n->left;
        NodePtr min;
        NodePtr right = removeMin(n->right, edit, min);
        NodePtr m = own(min, edit);
        m->left = n->left;
        m->right = std::move(right);
        return rebalance(std::move(m), edit);
    }

    // The height of n, or -1 when the subtree is malformed.
    static int check(const Node *n, std::size_t &count, const std::string *&last)
    {
        if (!n)
            return 0;
        const int hl = check(n->left.get(), count, last);
        if (hl < 0 || (last && !(*last < n->key)))
            return -1;
        last = &n->key;
        ++count;
        const int hr = check(n->right.get(), count, last);
        if (hr < 0 || hl - hr > 1 || hr - hl > 1 || n->height != 1 + std::max(hl, hr))
            return -1;
        return n->height;
    }

    template <typename F>
    static bool walk(const Node *n, F &visit)
    {
        if (!n)
            return true;
        if (!walk(n->left.get(), visit))
            return false;
        if (!visit(n->key, static_cast<const V &>(n->value)))
            return false;
        return walk(n->right.get(), visit);
    }

    template <typename F>
    static bool walkPrefix(const Node *n, std::string_view prefix, F &visit)
    {
        if (!n)
            return true;
        if (std::string_view(n->key) < prefix)
            return walkPrefix(n->right.get(), prefix, visit);
        if (!walkPrefix(n->left.get(), prefix, visit))
            return false;
        if (std::string_view(n->key).substr(0, prefix.size()) != prefix)
            return false;  // past the range: everything further right is larger still
        if (!visit(n->key, static_cast<const V &>(n->value)))
            return false;
        return walkPrefix(n->right.get(), prefix, visit);
    }

    NodePtr m_root;
    std::size_t m_size = 0;
};

// Index sets hold their facts in the key ("workspace\x1fnamespace"); the value is empty.
struct GraphUnit {
};
using GraphSet = GraphMap<GraphUnit>;

} // namespace kube::tenancy
