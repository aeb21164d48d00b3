<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditHistogramWidget</name>
    <message numerus="yes">
        <source>%1: %n event(s)</source>
        <translation>
            <numerusform>%1: %n event</numerusform>
            <numerusform>%1: %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message numerus="yes">
        <source>%n new event(s)</source>
        <translation>
            <numerusform>%n new event</numerusform>
            <numerusform>%n new events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped line(s)</source>
        <translation>
            <numerusform>%n skipped line</numerusform>
            <numerusform>%n skipped lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditWidget</name>
    <message numerus="yes">
        <source>%n event(s) exported to %1</source>
        <translation>
            <numerusform>%n event exported to %1</numerusform>
            <numerusform>%n events exported to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more workspace(s) with fewer projects.</source>
        <translation>
            <numerusform>%n more workspace with fewer projects.</numerusform>
            <numerusform>%n more workspaces with fewer projects.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s) in no workspace.</source>
        <translation>
            <numerusform>%n project in no workspace.</numerusform>
            <numerusform>%n projects in no workspace.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more workspace quota(s), less full.</source>
        <translation>
            <numerusform>%n more workspace quota, less full.</numerusform>
            <numerusform>%n more workspace quotas, less full.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more for the platform&apos;s own components (system: subjects, kube-system service accounts).</source>
        <translation>
            <numerusform>%n more for the platform&apos;s own components (system: subjects, kube-system service accounts).</numerusform>
            <numerusform>%n more for the platform&apos;s own components (system: subjects, kube-system service accounts).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditProjectDialog</name>
    <message numerus="yes">
        <source>The description is %n character(s) long; at most %1 are allowed.</source>
        <translation>
            <numerusform>The description is %n character long; at most %1 are allowed.</numerusform>
            <numerusform>The description is %n characters long; at most %1 are allowed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Tenantry — %n cluster(s)</source>
        <translation>
            <numerusform>Tenantry — %n cluster</numerusform>
            <numerusform>Tenantry — %n clusters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message numerus="yes">
        <source>%n ticked: %1</source>
        <translation>
            <numerusform>%n ticked: %1</numerusform>
            <numerusform>%n ticked: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search %Ln user(s) by name, display name or e-mail</source>
        <translation>
            <numerusform>Search %Ln user by name, display name or e-mail</numerusform>
            <numerusform>Search %Ln users by name, display name or e-mail</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search %Ln member(s) by name, display name or e-mail</source>
        <translation>
            <numerusform>Search %Ln member by name, display name or e-mail</numerusform>
            <numerusform>Search %Ln members by name, display name or e-mail</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveProjectDialog</name>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PermissionSource</name>
    <message numerus="yes">
        <source>%n manifest file(s) that did not parse</source>
        <translation>
            <numerusform>%n manifest file that did not parse</numerusform>
            <numerusform>%n manifest files that did not parse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PermissionWorkbench</name>
    <message numerus="yes">
        <source>Rego policies evaluated by opa: %n cell(s) marked R are allowed by a policy alone.</source>
        <translation>
            <numerusform>Rego policies evaluated by opa: %n cell marked R are allowed by a policy alone.</numerusform>
            <numerusform>Rego policies evaluated by opa: %n cells marked R are allowed by a policy alone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>kube-apiserver agrees on all %n checked cell(s).</source>
        <translation>
            <numerusform>kube-apiserver agrees on all %n checked cell.</numerusform>
            <numerusform>kube-apiserver agrees on all %n checked cells.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>DISAGREEMENT: kube-apiserver answered differently on %1 of %n cell(s)%2.</source>
        <translation>
            <numerusform>DISAGREEMENT: kube-apiserver answered differently on %1 of %n cell%2.</numerusform>
            <numerusform>DISAGREEMENT: kube-apiserver answered differently on %1 of %n cells%2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, and %n review(s) failed</source>
        <translation>
            <numerusform>, and %n review failed</numerusform>
            <numerusform>, and %n reviews failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> Of %n cell(s) shown as unknown, the server allows %1.</source>
        <translation>
            <numerusform> Of %n cell shown as unknown, the server allows %1.</numerusform>
            <numerusform> Of %n cells shown as unknown, the server allows %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PermissionWorkbenchWidget</name>
    <message numerus="yes">
        <source>Who may %1: %n subject path(s)</source>
        <translation>
            <numerusform>Who may %1: %n subject path</numerusform>
            <numerusform>Who may %1: %n subject paths</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) in this scope; double-click one to open its binding.</source>
        <translation>
            <numerusform>%n finding in this scope; double-click one to open its binding.</numerusform>
            <numerusform>%n findings in this scope; double-click one to open its binding.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s) · %2 ms</source>
        <translation>
            <numerusform>%1 of %n row · %2 ms</numerusform>
            <numerusform>%1 of %n rows · %2 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message numerus="yes">
        <source> %1 of %n write(s) done.</source>
        <translation>
            <numerusform> %1 of %n write done.</numerusform>
            <numerusform> %1 of %n writes done.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n write(s) planned.</source>
        <translation>
            <numerusform>%n write planned.</numerusform>
            <numerusform>%n writes planned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n write(s) to cluster %1 as %2?</source>
        <translation>
            <numerusform>Apply %n write to cluster %1 as %2?</numerusform>
            <numerusform>Apply %n writes to cluster %1 as %2?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n write(s)</source>
        <translation>
            <numerusform>%n write</numerusform>
            <numerusform>%n writes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanImpact</name>
    <message numerus="yes">
        <source>%n subject(s) gain or lose permissions (%1 resources × scopes).</source>
        <translation>
            <numerusform>%n subject gains or loses permissions (%1 resources × scopes).</numerusform>
            <numerusform>%n subjects gain or lose permissions (%1 resources × scopes).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n NetworkPolicy(ies)</source>
        <translation>
            <numerusform>%n NetworkPolicy</numerusform>
            <numerusform>%n NetworkPolicies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecentChangesModel</name>
    <message numerus="yes">
        <source>%1, %n write(s)</source>
        <translation>
            <numerusform>%1, %n write</numerusform>
            <numerusform>%1, %n writes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoleEditorDialog</name>
    <message numerus="yes">
        <source>Aggregated ClusterRole: kube-controller-manager gathers the rules of every ClusterRole matching %1. Predicted from %n role(s): %2.</source>
        <translation>
            <numerusform>Aggregated ClusterRole: kube-controller-manager gathers the rules of every ClusterRole matching %1. Predicted from %n role: %2.</numerusform>
            <numerusform>Aggregated ClusterRole: kube-controller-manager gathers the rules of every ClusterRole matching %1. Predicted from %n roles: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>YAML tab: one list of rules expected, found %n document(s)</source>
        <translation>
            <numerusform>YAML tab: one list of rules expected, found %n document</numerusform>
            <numerusform>YAML tab: one list of rules expected, found %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The role&apos;s own rules plus the rules of %n template(s) not already covered, as KubeSphere aggregates them.</source>
        <translation>
            <numerusform>The role&apos;s own rules plus the rules of %n template not already covered, as KubeSphere aggregates them.</numerusform>
            <numerusform>The role&apos;s own rules plus the rules of %n templates not already covered, as KubeSphere aggregates them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n rule</numerusform>
            <numerusform>%n rules</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoleTemplateModel</name>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n rule</numerusform>
            <numerusform>%n rules</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TenancyOutline</name>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n rule</numerusform>
            <numerusform>%n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n binding(s)</source>
        <translation>
            <numerusform>%n binding</numerusform>
            <numerusform>%n bindings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrafficGraphView</name>
    <message numerus="yes">
        <source>Every project of %1 may reach every project of %2 (%n pair(s), %3). Click for the rules.</source>
        <translation>
            <numerusform>Every project of %1 may reach every project of %2 (%n pair, %3). Click for the rules.</numerusform>
            <numerusform>Every project of %1 may reach every project of %2 (%n pairs, %3). Click for the rules.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrafficGraphWidget</name>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n arrow(s)</source>
        <translation>
            <numerusform>%n arrow</numerusform>
            <numerusform>%n arrows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more warning(s).</source>
        <translation>
            <numerusform>…and %n more warning.</numerusform>
            <numerusform>…and %n more warnings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n NetworkPolicy(ies)</source>
        <translation>
            <numerusform>%n NetworkPolicy</numerusform>
            <numerusform>%n NetworkPolicies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;li&gt;…and %n more&lt;/li&gt;</source>
        <translation>
            <numerusform>&lt;li&gt;…and %n more&lt;/li&gt;</numerusform>
            <numerusform>&lt;li&gt;…and %n more&lt;/li&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;No policy selects its pods for ingress: every namespace whose egress is open reaches it (%n namespace(s), not drawn).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;No policy selects its pods for ingress: every namespace whose egress is open reaches it (%n namespace, not drawn).&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;No policy selects its pods for ingress: every namespace whose egress is open reaches it (%n namespaces, not drawn).&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;No policy selects its pods for egress: it reaches every namespace whose ingress is open (%n namespace(s), not drawn).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;No policy selects its pods for egress: it reaches every namespace whose ingress is open (%n namespace, not drawn).&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;No policy selects its pods for egress: it reaches every namespace whose ingress is open (%n namespaces, not drawn).&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Every project of workspace &lt;b&gt;%1&lt;/b&gt; may reach every project of workspace &lt;b&gt;%2&lt;/b&gt; (%n pair(s)): %3.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Every project of workspace &lt;b&gt;%1&lt;/b&gt; may reach every project of workspace &lt;b&gt;%2&lt;/b&gt; (%n pair): %3.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Every project of workspace &lt;b&gt;%1&lt;/b&gt; may reach every project of workspace &lt;b&gt;%2&lt;/b&gt; (%n pairs): %3.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n restricted flow(s) as marks</source>
        <translation>
            <numerusform>%1 of %n restricted flow as marks</numerusform>
            <numerusform>%1 of %n restricted flows as marks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n namespace(s)</source>
        <translation>
            <numerusform>%n namespace</numerusform>
            <numerusform>%n namespaces</numerusform>
        </translation>
    </message>
</context>
</TS>
