<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessChecker</name>
    <message>
        <source>Checking whether %1 may %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check the permission %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing permission: %1 may not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this identity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionHandlers</name>
    <message>
        <source>Remove the quota of workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the quota of project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the workspace quota of &lt;b&gt;%1&lt;/b&gt;; its projects&apos; own quotas stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the ResourceQuota of project &lt;b&gt;%1&lt;/b&gt;; its workspace&apos;s quota stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes &lt;b&gt;%1&lt;/b&gt; again: the writes below take back what its undo put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts back what &lt;b&gt;%1&lt;/b&gt; changed, as each object was just before it. An object someone changed since is not overwritten: the server refuses that write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change history of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been applied to this cluster from this window yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first. Edit → Undo (Ctrl+Z) takes back the newest applied change; Edit → Redo (Ctrl+Shift+Z) makes the newest undone one again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↶ undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the namespace &lt;b&gt;%1&lt;/b&gt; and everything in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user &lt;b&gt;%1&lt;/b&gt; may log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user &lt;b&gt;%1&lt;/b&gt; can no longer log in; their bindings stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the user &lt;b&gt;%1&lt;/b&gt; and the bindings that name them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolate network of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End network isolation of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete network policy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the NetworkPolicy &lt;b&gt;%1&lt;/b&gt; of project &lt;b&gt;%2&lt;/b&gt;: the traffic only it allowed is refused again where other policies isolate the pods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove stuck finalizers of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is being deleted and waits on KubeSphere finalizers that no controller releases here. Removing them lets the delete finish; other finalizers stay, and the cleanup KubeSphere&apos;s controller would have done is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenancy &amp;mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;KubeSphere (its controllers act)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Standalone (Tenantry acts)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditEventModel</name>
    <message>
        <source>%1
groups: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (group %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditHistogramWidget</name>
    <message>
        <source>Events over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag across the bars to show only that time; double-click or Esc shows every time again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: 1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 denied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>%1 (and %2 rotated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry&apos;s journal (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no writes recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indexing cancelled: the events read so far are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to %1: its Events cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 new event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; not readable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 skipped line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditWidget</name>
    <message>
        <source>All times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the events of every time again (double-click the histogram does the same)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this object in the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop indexing: the events read so far stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the events the filter shows as JSON lines (the original objects) or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kube-apiserver audit logs (JSON lines, rotated and .gz ones), KubeSphere audit events, Tenantry journals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry&apos;s &amp;journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every write Tenantry applied or dry-ran from this machine (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster &amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Kubernetes Events of the projects and of the workspaces and users, where you may list them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ollow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep reading the last file added as it grows (tail -F: truncation and rotation included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event&apos;s workspace: KubeSphere&apos;s own field, else the project&apos;s workspace label in the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The object&apos;s namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name, or a group the user was in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create, update, patch, delete… (comma-separated for several)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pods, pods/log, roles.rbac.authorization.k8s.io (comma-separated for several)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The object&apos;s exact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response&apos;s HTTP code, e.g. 403</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any field containing this text (case-insensitive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What authorization decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed or denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which kind of source the event came from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only recent events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;de</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: &quot;%1&quot; is not an HTTP status code (100–599).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 of %3 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source yet: add audit files, the journal or the cluster&apos;s Events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped lines:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add audit files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit logs (*.log *.json *.jsonl *.gz *.log.*);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the events shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events exported to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select %1 in the main window&apos;s tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tree shows no node for this object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impersonated user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source IPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subresource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: the event&apos;s level is %1 (the request object is kept at Request and RequestResponse).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This source records no request object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: the event&apos;s level is %1 (the response object is kept at RequestResponse).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This source records no response object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <source>Audit — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add audit &amp;files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Tenantry&apos;s &amp;journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the cluster&apos;s &amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export the events shown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow the last file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;all times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster was disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the audit window on a connected cluster to read its Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Kubernetes Events of the projects and of the workspaces and users of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may not list events in every namespace: the Events of the projects where %1 may are read, and the others are named</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BindingTableModel</name>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directly</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckedRowsBase</name>
    <message>
        <source>row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckedRowsEditor</name>
    <message>
        <source>&amp;Add row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClusterSession</name>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the API server: %1; retrying in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere 4.x API (v1beta1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere 3.x API (v1alpha2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenancy API not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the tenancy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost the watch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the last known state until the watch resumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API server does not answer: %1; retrying in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClusterStatusWidget</name>
    <message>
        <source> (retry in %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (set by you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no KubeSphere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limited view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;%1&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (groups: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May not list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable namespaces: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteRoleDialog</name>
    <message>
        <source>Delete %1 role %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the %1 role %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the %1 role %2 of %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteWorkspaceDialog</name>
    <message>
        <source>Delete workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep its projects (they leave the workspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete its projects too (foreground)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete its projects too (background)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Projects:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes workspace &lt;b&gt;%1&lt;/b&gt; with its roles and member bindings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bindings that grant this user access, at every level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules of the selected role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource quotas (hard limits and usage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolate network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a role to see its rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role templates: none (rules written directly).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composed from role templates: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container defaults (LimitRange): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network isolation: &lt;b&gt;&lt;span style=&apos;color:%1&apos;&gt;%2&lt;/span&gt;&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditProjectDialog</name>
    <message>
        <source>Edit project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a display name, at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the project is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: a namespace outside any workspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;lias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alias is the name KubeSphere&apos;s console shows. Only these two annotations of the namespace change; its labels, members and other annotations stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is %1 characters long; at most %2 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExecApprovalDialog</name>
    <message>
        <source>Run a credential plugin?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig user &lt;b&gt;%1&lt;/b&gt; (%2) gets its credentials by running:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with the environment variables %1 set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Run it only if you trust this kubeconfig.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember for this command line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Finish the hand-over to KubeSphere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare for KubeSphere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere&apos;s controllers run on this cluster now. Removes Tenantry&apos;s own projections (&lt;code&gt;tenantry:workspace:*&lt;/code&gt;) and reach objects, the isolation policies when KubeSphere&apos;s network extension runs, and takes Tenantry&apos;s mark off the RBAC mirrors KubeSphere&apos;s controllers keep from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readies this standalone cluster for &lt;code&gt;helm install ks-core&lt;/code&gt; (KubeSphere 4.1): the built-ins the chart ships get Helm&apos;s marks so Helm adopts them, Tenantry&apos;s other built-ins are removed, CRDs stay (Helm skips existing CRDs). Objects helm install would stop on are listed as warnings; projections wait for the finish, after the install.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let Helm take &amp;over objects the chart also ships that Tenantry did not install (such as a user named admin): Helm rewrites them as the chart has them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImpactTableModel</name>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportKubeconfigDialog</name>
    <message>
        <source>Import kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$KUBECONFIG, else ~/.kube/config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubeconfig:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubeconfig file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No kubeconfig file found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the contexts to connect to. Credentials stay in the kubeconfig; Tenantry remembers only the file and context names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KsSignInDialog</name>
    <message>
        <source>Sign in to KubeSphere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a KubeSphere account instead of a kubeconfig identity. Requests then go through ks-apiserver, which decides with KubeSphere&apos;s roles. The token is kept in the system keyring; the password is not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify with the system&apos;s certificate authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify with this CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip TLS verification (insecure: anyone on the path can read the password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM file of the CA that signed the server&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KubeconfigContextModel</name>
    <message>
        <source>testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LimitEditorModel</name>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LimitRangeDialog</name>
    <message>
        <source>Container defaults of project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container (defaults and bounds of each container)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod (bounds of a whole pod)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container created in &lt;b&gt;%1&lt;/b&gt; without limits or requests gets the default limit and default request (kube-apiserver&apos;s LimitRanger admission fills them in); min and max bound what it may ask. KubeSphere&apos;s console suggests 500m / 500Mi limits and 10m / 10Mi requests.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tenantry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected. File → Import kubeconfig… adds a cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of KubeSphere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import kubeconfig…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;manifests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of RBAC manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to &amp;KubeSphere…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect through ks-apiserver with a KubeSphere account (user name and password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse the roles and bindings of a folder of YAML/JSON (a GitOps repository) without a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out of KubeSphere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Permissions tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Permissions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who can do what, where, and why: the permission workbench of the selected cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed &amp;traffic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which projects may reach which, as the NetworkPolicies allow: the graph of the selected cluster, limited to the selected workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who did what, when: kube-apiserver and KubeSphere audit logs, Tenantry&apos;s journal and the cluster&apos;s Events, filtered by workspace, project, user, verb and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace &amp;request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One request through authentication, impersonation, authorization and admission, checked against the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tenantry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tenantry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Tenantry %1&lt;/b&gt;&lt;p&gt;Administer Kubernetes multi-tenancy in the KubeSphere model, straight against kube-apiserver.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a cluster first (File → Import kubeconfig…), or open a folder of manifests (File → Open manifests…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no node in the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a cluster first (File → Import kubeconfig…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace request</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tenantry — %n cluster(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Signed in to KubeSphere as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1&apos;s token from the keyring and its context, and disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected cluster is not a KubeSphere sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Search 1 user by name, display name or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search %1 users by name, display name or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search 1 member by name, display name or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search %1 members by name, display name or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Untick all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also make them members of workspace %1 with role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the users to add to %1 and choose the role they get there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the users to add to %1 (workspace %2) and choose the role they get there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the members of %1 whose role changes. A member holds one role per scope: the new role replaces the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the members to remove from %1. Their role there is taken away; the users themselves are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one user to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the workspace role, or untick &quot;Also make them members of workspace %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no roles in %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the role of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 leaves workspace %3 without an admin (%4). Only platform admins could then manage its members, roles and settings. Continue?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied: workspace %1 keeps its admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the last admin of workspace %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 are the last admins of workspace %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After this change nobody but platform admins can manage its members, roles and settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user ticked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member ticked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticked: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a member of workspace %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 are not members of workspace %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere lets only members of a workspace into its projects.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveProjectDialog</name>
    <message>
        <source>Move project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace (the project leaves %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no other workspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no workspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project belongs to the workspace its namespace is labelled with (kubesphere.io/workspace); moving it changes that label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the workspace to move the project to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of %1 (%2) lose the access they had here through that workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of %1 (%2) gain the access their workspace role gives in its projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project leaves its workspace; the plan below says what happens to its own roles and members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s own members (%1), roles, quotas and workloads stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s roles, quotas and workloads stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigatorWidget</name>
    <message>
        <source>Filter workspaces, projects, users, roles… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkIsolation</name>
    <message>
        <source>Each project of the workspace admits traffic only from the workspace&apos;s own projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project admits traffic only from itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing traffic stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standalone mode: Tenantry writes the NetworkPolicy nsnp-network-isolate in each affected project itself (as KubeSphere&apos;s controller would) and removes it when isolation ends; a network plugin that enforces NetworkPolicy must run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere 4.x: sets kubesphere.io/network-isolate in the template&apos;s metadata, which the controller copies to the workspace; the network extension enforces it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere 4.x: sets kubesphere.io/network-isolate on the namespace; the network extension enforces it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere 3.x: sets spec.template.spec.networkIsolation; ks-controller-manager writes the policies (when network policies are enabled in kubesphere-config).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere 3.x: sets kubesphere.io/network-isolate on the namespace; ks-controller-manager writes the policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workspace &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on network isolation of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off network isolation of %1: other projects may reach it again%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (its isolation policies are removed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkPolicyDialog</name>
    <message>
        <source>New network policy in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit network policy %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ingress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;gress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces (labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods (labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIDR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Except</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a DNS name such as allow-web (not starting with nsnp-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app=web, tier=frontend (empty: every pod of the project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to &amp;pods:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy types:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add ingress rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add egress rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers (none: any source / destination):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports (none: every port):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A policy selects pods of the project; once a pod is selected for a direction, only the rules&apos; traffic is allowed that way. Namespace cells offer the workspaces and projects, or take labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingress %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Egress %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods of this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods in namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every namespace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkPolicyForm</name>
    <message>
        <source>is not a number (an end port closes a range of port numbers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP block %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> except %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>namespaces %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pods %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no selector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not key=value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkPolicyTableModel</name>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingress rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Egress rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeDetails</name>
    <message>
        <source>workspace manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(projects only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (+%1 unlimited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used %1 &gt; hard %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used: the sum over the projects&apos; quotas (KubeSphere&apos;s quota controller, which writes the workspace quota&apos;s status.total, does not run here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used: status.total of the workspace quota, written by KubeSphere&apos;s quota controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the projects of workspace %1 hold %2 of its %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: projects hold %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace %1 quota — %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network isolation (generated; use the switch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network isolation (written by Tenantry; use the switch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated from a NamespaceNetworkPolicy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (no access)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace (WorkspaceTemplate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(by cluster selector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion propagation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>being deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace roles of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (annotation %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (spec.networkIsolation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project (Namespace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (this identity may not read workspaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed by KubeSphere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rules review or a pin (this identity may not read namespaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project roles of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default limit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on (project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on (inherited from the workspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the isolation NetworkPolicy %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet set (no controller has seen it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user-ref label only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform role %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster role %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GlobalRole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClusterRole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bindings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bound to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects (namespaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform members (platform role bindings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform roles of users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform role bindings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster role bindings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects without workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This identity may not list namespaces, and neither a rules review nor a pinned namespace names one it can use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin the namespaces you work in (Enter on this row, or File → Pin namespaces…), or ask an administrator for a role in a project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This identity may not list namespaces. These are the namespaces a rules review found access to, or that are pinned for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer exists on the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(current context)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$KUBECONFIG or ~/.kube/config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (showing the last known state)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (groups: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenancy API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limited view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may not list %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned namespaces</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PermissionMatrixModel</name>
    <message>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed through a wildcard rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed for some names only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed (system:masters, before RBAC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed, says the server&apos;s rules review for you (your bindings are not readable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown: not allowed by what could be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not apply to this resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed by a Rego policy (iam.kubesphere.io/rego-override, evaluated by opa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rego</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, a KubeSphere virtual resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; differs: %1 says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; a known risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PermissionSource</name>
    <message numerus="yes">
        <source>%n manifest file(s) that did not parse</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>discovery failed (%1): rows are the built-in resource list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PermissionWorkbench</name>
    <message>
        <source>The server did not say who you are (no SelfSubjectReview), and offline there is no caller: pick or type a subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>me (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + groups %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rego policies (iam.kubesphere.io/rego-override) not evaluated: %1. Cells they could allow are shown as ks-apiserver&apos;s rules alone decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rego policies evaluated by opa: %n cell(s) marked R are allowed by a policy alone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The KubeSphere view needs KubeSphere&apos;s IAM API, and this data has none: use the Kubernetes view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform scope is KubeSphere&apos;s: switch to the KubeSphere view, or pick the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace &quot;%1&quot; does not exist (any more): pick another scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace &quot;%1&quot; has no projects, and the Kubernetes view has no workspace scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project &quot;%1&quot; does not exist (any more): pick another scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a resource for this layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No resource &quot;%1&quot; here (discovery does not list it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kube-apiserver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ks-apiserver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every subject is listed for one scope: pick the cluster, a project or (KubeSphere view) a workspace or the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may do what with %1 in %2, as %3 decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No binding and no User object names %1: it holds only what its groups (such as system:authenticated) are granted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your roles and bindings are not all readable: cells marked ✓ come from the server&apos;s rules review for you (SelfSubjectRulesReview) in each project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 compared with %2 in %3, as %4 decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What %1 may do in %2, as %3 decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your roles and bindings are not readable; the server&apos;s rules review (SelfSubjectRulesReview) for you lists a rule that allows it:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared with %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>superuser group (before RBAC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (as a member of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rego authz.rego:%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rego policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No permission data yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a verb, such as get or create.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification asks the API server: open a live cluster (manifests have none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to verify yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only kube-apiserver can be asked (SubjectAccessReview): switch to the Kubernetes view to verify. ks-apiserver has no review API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: shown %2, kube-apiserver says %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>kube-apiserver agrees on all %n checked cell(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>DISAGREEMENT: kube-apiserver answered differently on %1 of %2 cell(s)%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, and %1 review(s) failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Of %1 cell(s) shown as unknown, the server allows %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the data (deleted meanwhile?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PermissionWorkbenchWidget</name>
    <message>
        <source>me, a user, Group NAME, ServiceAccount NS/NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resource, e.g. pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only risky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only differing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra groups, comma separated (as --as-group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes (what kube-apiserver enforces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere (what ks-apiserver decides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources × verbs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One resource in every scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One resource for every subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter rows: resource, group, scope, subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells where the other view, or the compared subject, answers differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cell to see which binding, role and rule decide it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bindings and roles of the paths: double-click (or Enter) to open one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects on the path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resource, e.g. pods/exec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who can?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cell, or type a verb and a resource (asked in the scope above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Who may %1: %n subject path(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Who can</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wildcards, secrets, impersonation, escalate/bind, exec, nodes/proxy, webhooks, CRDs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) in this scope; double-click one to open its binding.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Risks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify with the API server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks kube-apiserver (SubjectAccessReview) for the shown cells (a spread sample of 400 when there are more) and compares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the API server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No KubeSphere IAM API in this data: only the Kubernetes view applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows · %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read: %1. Cells those objects could allow are shown as unknown (?), not denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading roles and bindings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who else can?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace this request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no matrix to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PermissionsWindow</name>
    <message>
        <source>Permissions — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinNamespacesDialog</name>
    <message>
        <source>Pin namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team-a-dev, team-a-prod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces to show for &lt;b&gt;%1&lt;/b&gt; even when this identity may not list namespaces (separated by commas):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>&amp;Remove the KubeSphere finalizers that would keep these objects Terminating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact objects this change writes appear here (Preview).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each object&apos;s fields before and after the change appear here (Preview).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ added, − removed, ~ changed; compared with the live objects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who gains or loses which permissions appears here (Preview).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ kube-apiserver is expected to refuse this as privilege escalation:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Writes (YAML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;mpact on permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply, taking over &amp;conflicting fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another field manager owns some of these fields. Take them over and apply?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying (taking over conflicting fields)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %1 of %2 writes done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan (what will be written):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form changed: the plan below is out of date (Preview, Dry run or Apply plans again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the live objects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed when this tab is opened (it reads the cluster&apos;s roles and bindings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by KubeSphere finalizers: %1. Other finalizers stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: the cluster already matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 write planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 writes planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run on the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply 1 write to cluster %1 as %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply %1 writes to cluster %2 as %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ added, − removed, ~ changed: as the server answered the dry run (exact).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ added, − removed, ~ changed; compared with the live objects. Fields marked [predicted] are what the client expects; Dry run shows the server&apos;s answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run passed: the server accepted every write and stored nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run passed: the server accepted the other writes and stored nothing; %1 into objects this plan creates can only be checked once those exist (see the tooltip).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanImpact</name>
    <message>
        <source>The impact on permissions needs a connection to the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the cluster&apos;s roles and bindings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The impact on permissions cannot be computed: this identity cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing who gains or loses what…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No permission changes: nobody gains or loses a verb.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gains or loses permissions (%2 resources × scopes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 subjects gain or lose permissions (%2 resources × scopes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanRunner</name>
    <message>
        <source>Not connected to the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no plan to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
The object changed after the change was applied (someone edited it since), so the undo does not overwrite it. Look at it as it is now and edit it instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower-case letters, digits and &apos;-&apos;, at most 63</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no workspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;lias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PropertyTableModel</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add members to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change members&apos; role in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove members from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only some pods or ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all pods, all ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Workspace network isolation is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Outside the scope: only the projects an arrow needs are shown (%1 of %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Every project of the workspace may reach every other one (%1); those arrows are not drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>⇄ reach each other (some)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⇄ reach each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project network isolation on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workspace network isolation on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingress open: no policy selects its pods for ingress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingress: a policy admits every namespace (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingress limited by policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>egress open: no policy selects its pods for egress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>egress: a policy lets it reach every namespace (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>egress limited by policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reaches every project (%1): those arrows are not drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every project reaches it (%1): those arrows are not drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n NetworkPolicy(ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>in: all projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in: open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in: all ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in: limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out: all projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out: open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out: all ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out: limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (partly applied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of KubeSphere at %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (groups: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>some project pairs only for some pods or ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project isolation on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workspace isolation on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces outside workspaces</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuotaDialog</name>
    <message>
        <source>Quota of workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota of project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: projects hold %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace %1 quota — %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace quota limits the sum over all projects of workspace &lt;b&gt;%1&lt;/b&gt; (quota.kubesphere.io ResourceQuota %2). Rows you remove are removed from the quota.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hard limits of project &lt;b&gt;%1&lt;/b&gt; (ResourceQuota %2). Resources: requests/limits cpu and memory, pods, services, persistentvolumeclaims, requests.storage, count/&amp;lt;resource&amp;gt;.&amp;lt;group&amp;gt;, or any other quota resource name. Rows you remove are removed from the quota.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuotaEditorModel</name>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuotaTableModel</name>
    <message>
        <source>Quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allotted to projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over-used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over budget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskModel</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binding → role, rule</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleEditorChecks</name>
    <message>
        <source>Not connected to the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleEditorDialog</name>
    <message>
        <source>platform role (GlobalRole)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workspace role of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project role in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower-case letters, digits, &apos;-&apos; and &apos;.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role was not found in the cluster&apos;s data; its rules cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;lias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No role templates are offered for this level in this cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role templates add their rules to the role (KubeSphere aggregates them). Selecting one also selects the templates it depends on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules list as YAML. Edits here replace the rules when you leave the tab or plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicting the rules the aggregation controller gathers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules the role ends with once its templates are aggregated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ClusterRole aggregates the rules of the ClusterRoles matching %1; kube-controller-manager writes its rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also selected, because %1 depends on them: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Aggregated ClusterRole: kube-controller-manager gathers the rules of every ClusterRole matching %1. Predicted from %n role(s): %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role has no rules yet: Add rule, or pick templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a rule to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 has fields this form cannot show (%2). It is kept exactly as written; edit it on the YAML tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML tab, line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML tab: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML tab: one list of rules expected, found %1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML tab: the rules must be a list (a YAML sequence), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role&apos;s own rules (no templates selected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role&apos;s own rules plus the template&apos;s rules not already covered, as KubeSphere aggregates them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role&apos;s own rules plus the rules of %1 templates not already covered, as KubeSphere aggregates them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The effective rules cannot be composed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot check for privilege escalation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kube-apiserver will refuse this role as privilege escalation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no &lt;i&gt;escalate&lt;/i&gt; verb on %2, and does not hold these permissions the role grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(checked on %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server said its list of your rules may be incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depends on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleRulesModel</name>
    <message>
        <source>written by the aggregation controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept as written: edit on the YAML tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules of an aggregated ClusterRole are written by its controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form cannot show this rule (%1). It is kept exactly as written; edit it on the YAML tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-resource URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleTableModel</name>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bindings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleTemplateModel</name>
    <message>
        <source>%1 (needed by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends on: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected because %1 depends on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A basic template: KubeSphere&apos;s console adds it to every role it creates at this level (its overview menus come from it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleEditorWidget</name>
    <message>
        <source>&amp;Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Non-resource URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other verbs, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;&quot; for the core group, apps, *, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pods, pods/log, deployments/scale, *, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: every object; else the names, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/healthz, /apis/*, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only platform and cluster roles can grant non-resource URLs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* (all verbs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;sources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource na&amp;mes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URLs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <source>Verbs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-resource URLs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionStatus</name>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TenancyActions</name>
    <message>
        <source>New &amp;workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;nable user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di&amp;sable user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin &amp;namespaces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dis&amp;connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy pat&amp;h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move project to workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;role of members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lone role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;quota…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container &amp;defaults…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove q&amp;uota…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolate &amp;network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New network &amp;policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit network polic&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete network polic&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare for &amp;KubeSphere…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish hand-over to KubeSphere…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove stuck &amp;finalizers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the writes that put back what &quot;%1&quot; changed, for your confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot; again, for your confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing applied from this window to undo on this cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing undone to redo on this cluster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TenancyNode</name>
    <message>
        <source>as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>showing the last known state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limited view: may not list %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No project is reachable.&lt;/b&gt;&lt;br&gt;%1 may not list namespaces, and neither a rules review nor a pin names one it can use.&lt;br&gt;Press Enter (or double-click) to pin the namespaces you work in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This identity may not list these objects; the list holds only what it can reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>being deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network isolated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reachable (found by a rules review or pinned), not listable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project reachable: Pin namespaces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no access</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TenancyTreeModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>Not connected: the cluster has no client yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TraceWidget</name>
    <message>
        <source>me (the kubeconfig&apos;s identity), or a user to impersonate as kubectl --as does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>groups to impersonate, comma-separated (--as-group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pods, deployments.apps, pods/log or /healthz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Namespace / name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes (kube-apiserver)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeSphere (ks-apiserver)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating a pod: cpu=100m,memory=64Mi (else the LimitRange&apos;s defaults)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View / pod requests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry and the server disagree:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TraceWindow</name>
    <message>
        <source>Trace request — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficGraph</name>
    <message>
        <source>ingress rule %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>egress rule %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>some pods or ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all pods, all ports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficGraphView</name>
    <message>
        <source>Allowed traffic graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab moves between projects, Enter selects one, +/- zoom, 0 fits the graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every project of %1 may reach every project of %2 (%3 pairs, %4). Click for the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2: %3. Click for the rules.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficGraphWidget</name>
    <message>
        <source>Namespaces &amp;outside workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in the &amp;tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every namespace outside workspaces (kube-system…), not only those an arrow needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (-, Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the graph in the window (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Legend&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n arrow(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 restricted flows as marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 namespaces, %2 NetworkPolicies; flows computed in %3 ms, laid out in %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;NetworkPolicies could not be read&lt;/b&gt; (not listed yet, or you may not list them): the graph cannot say what is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more warning(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Click an arrow to see the policies and rules that allow it, or a project to see what may reach it and what it may reach.&lt;/p&gt;&lt;p&gt;Tab moves through the projects, Enter selects one; Ctrl+wheel or +/- zoom, 0 fits.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside any workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · network isolation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n NetworkPolicy(ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Its pods among themselves: %1.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;li&gt;…and %n more&lt;/li&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h4&gt;May be reached from&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;No policy selects its pods for ingress: every namespace whose egress is open reaches it (%n namespace(s), not drawn).&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;And, by rules:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No other namespace: its ingress policies admit none.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h4&gt;May reach&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;No policy selects its pods for egress: it reaches every namespace whose ingress is open (%n namespace(s), not drawn).&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;No other namespace: its egress policies allow none.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h4&gt;NetworkPolicies in %1&lt;/h4&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Every project of workspace &lt;b&gt;%1&lt;/b&gt; may reach every project of workspace &lt;b&gt;%2&lt;/b&gt; (%n pair(s)): %3.&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Allowed: &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h4&gt;Egress at the source&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h4&gt;Egress at %1&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No policy selects the source&apos;s pods for egress: all egress is allowed.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Its egress policies allow none of it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Allowed by:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h4&gt;Ingress at the destination&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h4&gt;Ingress at %1&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No policy selects the destination&apos;s pods for ingress: all ingress is allowed.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Its ingress policies admit none of it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficLegend</name>
    <message>
        <source>A policy allows it: all pods, all ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed for only some pods or ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every project of one workspace reaches every project of the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every project of the workspace reaches every other one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No policy selects its pods for ingress (out: egress): every namespace open on the other side passes, without an arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A policy admits every namespace: those arrows are not drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It reaches every project (in: every project reaches it): those arrows are not drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies decide: the arrows are all it allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network isolation on (filled: the project&apos;s, outline: its workspace&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No arrow between projects whose sides are limited: no traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the policies allow, as the API defines them; the cluster&apos;s network plugin enforces them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⇄ reach each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in: open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in: all ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out: all projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in: limited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficWindow</name>
    <message>
        <source>Allowed traffic — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;tree selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selecting a workspace in the tree limits the graph to it; a project is selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 to 64 characters: a lower-case letter, an upper-case letter and a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onfirm password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descr&amp;iption:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform &amp;role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserPickerModel</name>
    <message>
        <source>%1 (user deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already a member (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 no longer exists; the binding remains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already a member as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhoCanModel</name>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binding → role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A system: subject (Kubernetes&apos; own identities and groups)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> [system]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceDialog</name>
    <message>
        <source>New workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolate the workspace&apos;s network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower-case letters, digits and &apos;-&apos;, at most 63</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphan projects (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphan projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete projects (foreground)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete projects (background)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;lias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manager:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clusters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When &amp;deleted:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
