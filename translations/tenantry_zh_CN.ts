<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessChecker</name>
    <message>
        <source>Checking whether %1 may %2…</source>
        <translation>正在检查 %1 是否可以 %2…</translation>
    </message>
    <message>
        <source>Could not check the permission %1: %2</source>
        <translation>无法检查权限 %1：%2</translation>
    </message>
    <message>
        <source>Missing permission: %1 may not %2.</source>
        <translation>缺少权限：%1 不可以 %2。</translation>
    </message>
    <message>
        <source>this identity</source>
        <translation>此身份</translation>
    </message>
</context>
<context>
    <name>ActionHandlers</name>
    <message>
        <source>Remove the quota of workspace %1</source>
        <translation>删除企业空间 %1 的配额</translation>
    </message>
    <message>
        <source>Remove the quota of project %1</source>
        <translation>删除项目 %1 的配额</translation>
    </message>
    <message>
        <source>Deletes the workspace quota of &lt;b&gt;%1&lt;/b&gt;; its projects&apos; own quotas stay.</source>
        <translation>删除 &lt;b&gt;%1&lt;/b&gt; 的企业空间配额；其项目自己的配额保留。</translation>
    </message>
    <message>
        <source>Deletes the ResourceQuota of project &lt;b&gt;%1&lt;/b&gt;; its workspace&apos;s quota stays.</source>
        <translation>删除项目 &lt;b&gt;%1&lt;/b&gt; 的 ResourceQuota；其企业空间的配额保留。</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <source>Makes &lt;b&gt;%1&lt;/b&gt; again: the writes below take back what its undo put back.</source>
        <translation>再次执行 &lt;b&gt;%1&lt;/b&gt;：下面的写入会撤回其撤销所恢复的内容。</translation>
    </message>
    <message>
        <source>Puts back what &lt;b&gt;%1&lt;/b&gt; changed, as each object was just before it. An object someone changed since is not overwritten: the server refuses that write.</source>
        <translation>恢复 &lt;b&gt;%1&lt;/b&gt; 所更改的内容，使每个对象回到其执行前的状态。之后被他人更改过的对象不会被覆盖：服务器会拒绝该写入。</translation>
    </message>
    <message>
        <source>Change history of %1</source>
        <translation>%1 的变更历史</translation>
    </message>
    <message>
        <source>Nothing has been applied to this cluster from this window yet.</source>
        <translation>尚未从此窗口向该集群应用任何变更。</translation>
    </message>
    <message>
        <source>Newest first. Edit → Undo (Ctrl+Z) takes back the newest applied change; Edit → Redo (Ctrl+Shift+Z) makes the newest undone one again.</source>
        <translation>最新的在前。编辑 → 撤销 (Ctrl+Z) 撤回最新应用的变更；编辑 → 重做 (Ctrl+Shift+Z) 再次执行最新撤销的变更。</translation>
    </message>
    <message>
        <source>✓ applied: %1</source>
        <translation>✓ 已应用：%1</translation>
    </message>
    <message>
        <source>↶ undone: %1</source>
        <translation>↶ 已撤销：%1</translation>
    </message>
    <message>
        <source>Delete project %1</source>
        <translation>删除项目 %1</translation>
    </message>
    <message>
        <source>Deletes the namespace &lt;b&gt;%1&lt;/b&gt; and everything in it.</source>
        <translation>删除命名空间 &lt;b&gt;%1&lt;/b&gt; 及其中的所有内容。</translation>
    </message>
    <message>
        <source>Enable user %1</source>
        <translation>启用用户 %1</translation>
    </message>
    <message>
        <source>Disable user %1</source>
        <translation>禁用用户 %1</translation>
    </message>
    <message>
        <source>The user &lt;b&gt;%1&lt;/b&gt; may log in again.</source>
        <translation>用户 &lt;b&gt;%1&lt;/b&gt; 可以再次登录。</translation>
    </message>
    <message>
        <source>The user &lt;b&gt;%1&lt;/b&gt; can no longer log in; their bindings stay.</source>
        <translation>用户 &lt;b&gt;%1&lt;/b&gt; 将无法再登录；其绑定保留。</translation>
    </message>
    <message>
        <source>Delete user %1</source>
        <translation>删除用户 %1</translation>
    </message>
    <message>
        <source>Deletes the user &lt;b&gt;%1&lt;/b&gt; and the bindings that name them.</source>
        <translation>删除用户 &lt;b&gt;%1&lt;/b&gt; 以及指向该用户的绑定。</translation>
    </message>
    <message>
        <source>Isolate network of %1</source>
        <translation>为 %1 开启网络隔离</translation>
    </message>
    <message>
        <source>End network isolation of %1</source>
        <translation>关闭 %1 的网络隔离</translation>
    </message>
    <message>
        <source>Delete network policy %1</source>
        <translation>删除网络策略 %1</translation>
    </message>
    <message>
        <source>Deletes the NetworkPolicy &lt;b&gt;%1&lt;/b&gt; of project &lt;b&gt;%2&lt;/b&gt;: the traffic only it allowed is refused again where other policies isolate the pods.</source>
        <translation>删除项目 &lt;b&gt;%2&lt;/b&gt; 的 NetworkPolicy &lt;b&gt;%1&lt;/b&gt;：在其他策略隔离容器组的地方，仅由它放行的流量将再次被拒绝。</translation>
    </message>
    <message>
        <source>Remove stuck finalizers of %1</source>
        <translation>移除 %1 卡住的 finalizer</translation>
    </message>
    <message>
        <source>Tenancy &amp;mode</source>
        <translation>租户模式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Detect</source>
        <translation>自动检测(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;KubeSphere (its controllers act)</source>
        <translation>&amp;KubeSphere（由其控制器执行）</translation>
    </message>
    <message>
        <source>&amp;Standalone (Tenantry acts)</source>
        <translation>独立模式(&amp;S)（由 Tenantry 执行）</translation>
    </message>
    <message>
        <source>Applied and undone changes, newest first</source>
        <translation>已应用和已撤销的变更，最新的在前</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is being deleted. Any KubeSphere finalizers on it wait for a controller that does not run here: removing them lets the delete finish; other finalizers stay, and the cleanup KubeSphere&apos;s controller would have done is skipped. The plan names what it removes.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 正在删除中。其上的 KubeSphere finalizer 都在等待一个此处未运行的控制器：移除它们可让删除完成；其他 finalizer 保留，KubeSphere 控制器本应执行的清理将被跳过。计划中列出了要移除的内容。</translation>
    </message>
</context>
<context>
    <name>AuditEventModel</name>
    <message>
        <source>%1
groups: %2</source>
        <translation>%1
组：%2</translation>
    </message>
    <message>
        <source>%1 (group %2)</source>
        <translation>%1（组 %2）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Verb</source>
        <translation>动词</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>企业空间</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>状态码</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
</context>
<context>
    <name>AuditHistogramWidget</name>
    <message>
        <source>Events over time</source>
        <translation>事件随时间分布</translation>
    </message>
    <message>
        <source>Drag across the bars to show only that time; double-click or Esc shows every time again</source>
        <translation>在柱状图上拖动可只显示该时间段；双击或按 Esc 重新显示所有时间</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>无事件</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>, %1 denied</source>
        <translation>，%1 个被拒绝</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n event(s)</source>
        <translation>
            <numerusform>%1：%n 个事件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 events from %2 to %3, %4 denied; the most, %5, at %6</source>
        <translation>%2 至 %3 共 %1 个事件，其中 %4 个被拒绝；最多时为 %6，共 %5 个</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>%1 (and %2 rotated)</source>
        <translation>%1（及 %2 个轮转文件）</translation>
    </message>
    <message>
        <source>Tenantry&apos;s journal (%1)</source>
        <translation>Tenantry 操作日志 (%1)</translation>
    </message>
    <message>
        <source>no writes recorded yet</source>
        <translation>尚无写入记录</translation>
    </message>
    <message>
        <source>indexing cancelled: the events read so far are shown</source>
        <translation>索引已取消：显示目前已读取的事件</translation>
    </message>
    <message>
        <source>Not connected to %1: its Events cannot be read.</source>
        <translation>未连接到 %1：无法读取其事件。</translation>
    </message>
    <message>
        <source>Events of %1: %2</source>
        <translation>%1 的事件：%2</translation>
    </message>
    <message>
        <source>Events of %1</source>
        <translation>%1 的事件</translation>
    </message>
    <message>
        <source>; not readable: %1</source>
        <translation>；不可读取：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n new event(s)</source>
        <translation>
            <numerusform>%n 个新事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped line(s)</source>
        <translation>
            <numerusform>%n 行已跳过</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditWidget</name>
    <message>
        <source>All times</source>
        <translation>所有时间</translation>
    </message>
    <message>
        <source>Show the events of every time again (double-click the histogram does the same)</source>
        <translation>重新显示所有时间的事件（双击柱状图效果相同）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Request object</source>
        <translation>请求对象</translation>
    </message>
    <message>
        <source>Response object</source>
        <translation>响应对象</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Open this object in the tree</source>
        <translation>在树中打开此对象</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop indexing: the events read so far stay</source>
        <translation>停止索引：保留目前已读取的事件</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the events the filter shows as JSON lines (the original objects) or CSV</source>
        <translation>将筛选显示的事件写为 JSON 行（原始对象）或 CSV</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>kube-apiserver audit logs (JSON lines, rotated and .gz ones), KubeSphere audit events, Tenantry journals</source>
        <translation>kube-apiserver 审计日志（JSON 行，包括轮转的和 .gz 文件）、KubeSphere 审计事件、Tenantry 操作日志</translation>
    </message>
    <message>
        <source>Tenantry&apos;s &amp;journal</source>
        <translation>Tenantry 操作日志(&amp;J)</translation>
    </message>
    <message>
        <source>Every write Tenantry applied or dry-ran from this machine (%1)</source>
        <translation>在本机上 Tenantry 应用或试运行的每一次写入 (%1)</translation>
    </message>
    <message>
        <source>Cluster &amp;Events</source>
        <translation>集群事件(&amp;E)</translation>
    </message>
    <message>
        <source>The Kubernetes Events of the projects and of the workspaces and users, where you may list them</source>
        <translation>项目以及企业空间和用户的 Kubernetes 事件（在您有权列出的范围内）</translation>
    </message>
    <message>
        <source>F&amp;ollow</source>
        <translation>跟随(&amp;O)</translation>
    </message>
    <message>
        <source>Keep reading the last file added as it grows (tail -F: truncation and rotation included)</source>
        <translation>在最后添加的文件增长时持续读取（tail -F：包括截断和轮转）</translation>
    </message>
    <message>
        <source>The event&apos;s workspace: KubeSphere&apos;s own field, else the project&apos;s workspace label in the tree</source>
        <translation>事件所属的企业空间：KubeSphere 自身的字段，否则为树中项目的企业空间标签</translation>
    </message>
    <message>
        <source>The object&apos;s namespace</source>
        <translation>对象的命名空间</translation>
    </message>
    <message>
        <source>any workspace</source>
        <translation>任意企业空间</translation>
    </message>
    <message>
        <source>any project</source>
        <translation>任意项目</translation>
    </message>
    <message>
        <source>user or group</source>
        <translation>用户或组</translation>
    </message>
    <message>
        <source>A user name, or a group the user was in</source>
        <translation>用户名，或该用户所属的组</translation>
    </message>
    <message>
        <source>verb</source>
        <translation>动词</translation>
    </message>
    <message>
        <source>create, update, patch, delete… (comma-separated for several)</source>
        <translation>create、update、patch、delete…（多个时以逗号分隔）</translation>
    </message>
    <message>
        <source>resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>pods, pods/log, roles.rbac.authorization.k8s.io (comma-separated for several)</source>
        <translation>pods、pods/log、roles.rbac.authorization.k8s.io（多个时以逗号分隔）</translation>
    </message>
    <message>
        <source>object name</source>
        <translation>对象名称</translation>
    </message>
    <message>
        <source>The object&apos;s exact name</source>
        <translation>对象的确切名称</translation>
    </message>
    <message>
        <source>code</source>
        <translation>状态码</translation>
    </message>
    <message>
        <source>The response&apos;s HTTP code, e.g. 403</source>
        <translation>响应的 HTTP 状态码，例如 403</translation>
    </message>
    <message>
        <source>free text</source>
        <translation>自由文本</translation>
    </message>
    <message>
        <source>Any field containing this text (case-insensitive)</source>
        <translation>任一字段包含此文本（不区分大小写）</translation>
    </message>
    <message>
        <source>What authorization decided</source>
        <translation>授权的判定结果</translation>
    </message>
    <message>
        <source>allowed or denied</source>
        <translation>允许或拒绝</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Which kind of source the event came from</source>
        <translation>事件来自哪类来源</translation>
    </message>
    <message>
        <source>every source</source>
        <translation>所有来源</translation>
    </message>
    <message>
        <source>Only recent events</source>
        <translation>仅最近的事件</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>企业空间(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Verb</source>
        <translation>动词(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Resource</source>
        <translation>资源(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>判定(&amp;D)</translation>
    </message>
    <message>
        <source>Co&amp;de</source>
        <translation>状态码(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>时间(&amp;T)</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>文本(&amp;X)</translation>
    </message>
    <message>
        <source>Code: &quot;%1&quot; is not an HTTP status code (100–599).</source>
        <translation>状态码：&quot;%1&quot; 不是 HTTP 状态码 (100–599)。</translation>
    </message>
    <message>
        <source>%1
to %2</source>
        <translation>%1
至 %2</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 MB</source>
        <translation>%1 — %2 / %3 MB</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No source yet: add audit files, the journal or the cluster&apos;s Events.</source>
        <translation>尚无来源：请添加审计文件、操作日志或集群事件。</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>显示 %1 / 共 %2</translation>
    </message>
    <message>
        <source>Skipped lines:
%1</source>
        <translation>已跳过的行：
%1</translation>
    </message>
    <message>
        <source>Add audit files</source>
        <translation>添加审计文件</translation>
    </message>
    <message>
        <source>Audit logs (*.log *.json *.jsonl *.gz *.log.*);;All files (*)</source>
        <translation>审计日志 (*.log *.json *.jsonl *.gz *.log.*);;所有文件 (*)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON 行 (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the events shown</source>
        <translation>导出显示的事件</translation>
    </message>
    <message>
        <source>Select %1 in the main window&apos;s tree</source>
        <translation>在主窗口的树中选择 %1</translation>
    </message>
    <message>
        <source>The tree shows no node for this object</source>
        <translation>树中没有此对象的节点</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Stage time</source>
        <translation>阶段时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Audit ID</source>
        <translation>审计 ID</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Verb</source>
        <translation>动词</translation>
    </message>
    <message>
        <source>Request URI</source>
        <translation>请求 URI</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Impersonated user</source>
        <translation>被模拟的用户</translation>
    </message>
    <message>
        <source>Source IPs</source>
        <translation>来源 IP</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Subresource</source>
        <translation>子资源</translation>
    </message>
    <message>
        <source>API group</source>
        <translation>API 组</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>企业空间</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>状态码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>状态消息</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Not recorded: the event&apos;s level is %1 (the request object is kept at Request and RequestResponse).</source>
        <translation>未记录：该事件的级别为 %1（请求对象仅在 Request 和 RequestResponse 级别保留）。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>This source records no request object.</source>
        <translation>此来源不记录请求对象。</translation>
    </message>
    <message>
        <source>Not recorded: the event&apos;s level is %1 (the response object is kept at RequestResponse).</source>
        <translation>未记录：该事件的级别为 %1（响应对象仅在 RequestResponse 级别保留）。</translation>
    </message>
    <message>
        <source>This source records no response object.</source>
        <translation>此来源不记录响应对象。</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported to %1</source>
        <translation>
            <numerusform>已将 %n 个事件导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>审计事件</translation>
    </message>
    <message>
        <source>The selected event</source>
        <translation>所选事件</translation>
    </message>
    <message>
        <source>Fields of the selected event</source>
        <translation>所选事件的字段</translation>
    </message>
    <message>
        <source>The event&apos;s JSON</source>
        <translation>事件的 JSON</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <source>Audit — %1</source>
        <translation>审计 — %1</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Add audit &amp;files…</source>
        <translation>添加审计文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Add Tenantry&apos;s &amp;journal</source>
        <translation>添加 Tenantry 操作日志(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Export the events shown…</source>
        <translation>导出显示的事件(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Follow the last file</source>
        <translation>跟随最后一个文件(&amp;F)</translation>
    </message>
    <message>
        <source>Show &amp;all times</source>
        <translation>显示所有时间(&amp;A)</translation>
    </message>
    <message>
        <source>The cluster was disconnected</source>
        <translation>集群已断开连接</translation>
    </message>
    <message>
        <source>Open the audit window on a connected cluster to read its Events</source>
        <translation>请在已连接的集群上打开审计窗口以读取其事件</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>未连接到 %1</translation>
    </message>
    <message>
        <source>The Kubernetes Events of the projects and of the workspaces and users of %1</source>
        <translation>%1 的项目以及企业空间和用户的 Kubernetes 事件</translation>
    </message>
    <message>
        <source>%1 may not list events in every namespace: the Events of the projects where %1 may are read, and the others are named</source>
        <translation>%1 无权列出所有命名空间中的事件：将读取 %1 有权限的项目中的事件，并列出其他项目</translation>
    </message>
    <message>
        <source>Add the cluster&apos;s E&amp;vents</source>
        <translation>添加集群事件(&amp;V)</translation>
    </message>
</context>
<context>
    <name>BindingTableModel</name>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>授予方式</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>绑定</translation>
    </message>
    <message>
        <source>directly</source>
        <translation>直接</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>正在处理</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CheckedRowsBase</name>
    <message>
        <source>row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>CheckedRowsEditor</name>
    <message>
        <source>&amp;Add row</source>
        <translation>添加行(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove row</source>
        <translation>删除行(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ClusterSession</name>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Cannot reach the API server: %1; retrying in %2 s</source>
        <translation>无法访问 API 服务器：%1；%2 秒后重试</translation>
    </message>
    <message>
        <source>KubeSphere 4.x API (v1beta1)</source>
        <translation>KubeSphere 4.x API (v1beta1)</translation>
    </message>
    <message>
        <source>KubeSphere 3.x API (v1alpha2)</source>
        <translation>KubeSphere 3.x API (v1alpha2)</translation>
    </message>
    <message>
        <source>tenancy API not installed</source>
        <translation>未安装租户 API</translation>
    </message>
    <message>
        <source>Listing the tenancy…</source>
        <translation>正在列出租户结构…</translation>
    </message>
    <message>
        <source>Lost the watch: %1</source>
        <translation>监视 (watch) 中断：%1</translation>
    </message>
    <message>
        <source>Showing the last known state until the watch resumes.</source>
        <translation>在监视恢复之前显示最后已知的状态。</translation>
    </message>
    <message>
        <source>The API server does not answer: %1; retrying in %2 s</source>
        <translation>API 服务器无响应：%1；%2 秒后重试</translation>
    </message>
</context>
<context>
    <name>ClusterStatusWidget</name>
    <message>
        <source> (retry in %1 s)</source>
        <translation>（%1 秒后重试）</translation>
    </message>
    <message>
        <source> (set by you)</source>
        <translation>（由您设置）</translation>
    </message>
    <message>
        <source>no KubeSphere</source>
        <translation>无 KubeSphere</translation>
    </message>
    <message>
        <source>KubeSphere %1</source>
        <translation>KubeSphere %1</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>已过时</translation>
    </message>
    <message>
        <source>limited view</source>
        <translation>受限视图</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>&lt;i&gt;%1&lt;/i&gt;</source>
        <translation>&lt;i&gt;%1&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Identity: %1%2</source>
        <translation>身份：%1%2</translation>
    </message>
    <message>
        <source> (groups: %1)</source>
        <translation>（组：%1）</translation>
    </message>
    <message>
        <source>Mode: %1 — %2</source>
        <translation>模式：%1 — %2</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API：%1</translation>
    </message>
    <message>
        <source>KubeSphere version: %1</source>
        <translation>KubeSphere 版本：%1</translation>
    </message>
    <message>
        <source>May not list: %1</source>
        <translation>无权列出：%1</translation>
    </message>
    <message>
        <source>Reachable namespaces: %1</source>
        <translation>可访问的命名空间：%1</translation>
    </message>
    <message>
        <source>Status of %1</source>
        <translation>%1 的状态</translation>
    </message>
    <message>
        <source>cached %1</source>
        <translation>%1 的缓存</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>over its limit</source>
        <translation>超出限制</translation>
    </message>
    <message>
        <source>Projects&apos; usage against the workspace quota</source>
        <translation>项目用量与企业空间配额对比</translation>
    </message>
    <message>
        <source>The workspace quota limits no resource.</source>
        <translation>企业空间配额未限制任何资源。</translation>
    </message>
    <message>
        <source>This workspace has no quota: nothing to compare its projects&apos; usage with.</source>
        <translation>此企业空间没有配额：无法与其项目的用量进行比较。</translation>
    </message>
    <message>
        <source>not in a project quota: %1</source>
        <translation>不在项目配额中：%1</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 / %2（%3）</translation>
    </message>
    <message>
        <source>Usage is the sum of what the projects&apos; own quotas report.</source>
        <translation>用量为各项目自身配额所报告用量之和。</translation>
    </message>
    <message>
        <source>Usage is the workspace total from KubeSphere&apos;s quota controller; projects without a quota of their own show as &quot;not in a project quota&quot;.</source>
        <translation>用量为 KubeSphere 配额控制器统计的企业空间总量；没有自身配额的项目显示为“不在项目配额中”。</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>Workspaces by projects and members</source>
        <translation>各企业空间的项目与成员</translation>
    </message>
    <message>
        <source>No workspace.</source>
        <translation>没有企业空间。</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 个成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more workspace(s) with fewer projects.</source>
        <translation>
            <numerusform>还有 %n 个项目较少的企业空间。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s) in no workspace.</source>
        <translation>
            <numerusform>%n 个项目不属于任何企业空间。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quota usage per workspace (its fullest resource)</source>
        <translation>各企业空间的配额用量（取其使用率最高的资源）</translation>
    </message>
    <message>
        <source>No workspace has a quota.</source>
        <translation>没有企业空间设置了配额。</translation>
    </message>
    <message>
        <source>%1 %2 of %3 (%4)</source>
        <translation>%1 %2 / %3（%4）</translation>
    </message>
    <message>
        <source>%1: %2 of %3 (%4)</source>
        <translation>%1：%2 / %3（%4）</translation>
    </message>
    <message>
        <source>limits nothing</source>
        <translation>未限制任何资源</translation>
    </message>
    <message numerus="yes">
        <source>%n more workspace quota(s), less full.</source>
        <translation>
            <numerusform>还有 %n 个使用率较低的企业空间配额。</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage from KubeSphere&apos;s quota controller.</source>
        <translation>用量来自 KubeSphere 的配额控制器。</translation>
    </message>
    <message>
        <source>Usage is the sum of the projects&apos; quotas (no quota controller in standalone mode).</source>
        <translation>用量为各项目配额之和（独立模式下没有配额控制器）。</translation>
    </message>
    <message>
        <source>Risk findings by severity</source>
        <translation>按严重程度统计的风险发现</translation>
    </message>
    <message>
        <source>Reading the cluster&apos;s RBAC…</source>
        <translation>正在读取集群的 RBAC…</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 项发现</numerusform>
        </translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message numerus="yes">
        <source>%n more for the platform&apos;s own components (system: subjects, kube-system service accounts).</source>
        <translation>
            <numerusform>另有 %n 项属于平台自身的组件（system: 主体、kube-system 中的 ServiceAccount）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Some RBAC objects could not be read: the counts may be low.</source>
        <translation>部分 RBAC 对象无法读取：计数可能偏低。</translation>
    </message>
    <message>
        <source>Tenantry has made no change on this cluster yet (journal: %1).</source>
        <translation>Tenantry 尚未在此集群上做过任何变更（操作日志：%1）。</translation>
    </message>
    <message>
        <source>The newest changes Tenantry made on this cluster (journal: %1).</source>
        <translation>Tenantry 在此集群上最近所做的变更（操作日志：%1）。</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>Recent changes</source>
        <translation>最近的变更</translation>
    </message>
    <message>
        <source>Open in the &amp;audit window</source>
        <translation>在审计窗口中打开(&amp;A)</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Workspaces by projects and members</source>
        <translation>各企业空间的项目与成员</translation>
    </message>
    <message>
        <source>Quota usage per workspace</source>
        <translation>各企业空间的配额用量</translation>
    </message>
    <message>
        <source>Risk findings by severity</source>
        <translation>按严重程度统计的风险发现</translation>
    </message>
    <message>
        <source>Projects&apos; usage against the workspace quota</source>
        <translation>项目用量与企业空间配额对比</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
</context>
<context>
    <name>DeleteRoleDialog</name>
    <message>
        <source>Delete %1 role %2</source>
        <translation>删除 %1 角色 %2</translation>
    </message>
    <message>
        <source>Deletes the %1 role %2.</source>
        <translation>删除 %1 角色 %2。</translation>
    </message>
    <message>
        <source>Deletes the %1 role %2 of %3.</source>
        <translation>删除 %3 的 %1 角色 %2。</translation>
    </message>
</context>
<context>
    <name>DeleteWorkspaceDialog</name>
    <message>
        <source>Delete workspace %1</source>
        <translation>删除企业空间 %1</translation>
    </message>
    <message>
        <source>Keep its projects (they leave the workspace)</source>
        <translation>保留其项目（项目将离开该企业空间）</translation>
    </message>
    <message>
        <source>Delete its projects too (foreground)</source>
        <translation>同时删除其项目（前台）</translation>
    </message>
    <message>
        <source>Delete its projects too (background)</source>
        <translation>同时删除其项目（后台）</translation>
    </message>
    <message>
        <source>&amp;Projects:</source>
        <translation>项目(&amp;P)：</translation>
    </message>
    <message>
        <source>Deletes workspace &lt;b&gt;%1&lt;/b&gt; with its roles and member bindings.</source>
        <translation>删除企业空间 &lt;b&gt;%1&lt;/b&gt; 及其角色和成员绑定。</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问权限</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>配额</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>注解</translation>
    </message>
    <message>
        <source>Bindings that grant this user access, at every level</source>
        <translation>在各个级别授予此用户访问权限的绑定</translation>
    </message>
    <message>
        <source>Rules of the selected role</source>
        <translation>所选角色的规则</translation>
    </message>
    <message>
        <source>Resource quotas (hard limits and usage)</source>
        <translation>资源配额（硬性限制和用量）</translation>
    </message>
    <message>
        <source>Isolate network</source>
        <translation>网络隔离</translation>
    </message>
    <message>
        <source>Network policies</source>
        <translation>网络策略</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择任何内容</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1（%2前）</translation>
    </message>
    <message>
        <source>Select a role to see its rules.</source>
        <translation>选择一个角色以查看其规则。</translation>
    </message>
    <message>
        <source>Role templates: none (rules written directly).</source>
        <translation>角色模板：无（规则直接编写）。</translation>
    </message>
    <message>
        <source>Composed from role templates: %1</source>
        <translation>由角色模板组成：%1</translation>
    </message>
    <message>
        <source>Container defaults (LimitRange): %1</source>
        <translation>容器默认值 (LimitRange)：%1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Bindings that grant this user access</source>
        <translation>授予此用户访问权限的绑定</translation>
    </message>
    <message>
        <source>Resource quotas</source>
        <translation>资源配额</translation>
    </message>
    <message>
        <source>YAML of the selected object</source>
        <translation>所选对象的 YAML</translation>
    </message>
    <message>
        <source>Network isolation: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>网络隔离：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>EditProjectDialog</name>
    <message>
        <source>Edit project %1</source>
        <translation>编辑项目 %1</translation>
    </message>
    <message>
        <source>a display name, at most %1 characters</source>
        <translation>显示名称，最多 %1 个字符</translation>
    </message>
    <message>
        <source>what the project is for</source>
        <translation>项目的用途</translation>
    </message>
    <message>
        <source>(none: a namespace outside any workspace)</source>
        <translation>（无：不属于任何企业空间的命名空间）</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>企业空间：</translation>
    </message>
    <message>
        <source>A&amp;lias:</source>
        <translation>别名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>The alias is the name KubeSphere&apos;s console shows. Only these two annotations of the namespace change; its labels, members and other annotations stay.</source>
        <translation>别名是 KubeSphere 控制台显示的名称。只会更改命名空间的这两个注解；其标签、成员和其他注解保持不变。</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>The description is %n character(s) long; at most %1 are allowed.</source>
        <translation>
            <numerusform>描述长度为 %n 个字符；最多允许 %1 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>ExecApprovalDialog</name>
    <message>
        <source>Run a credential plugin?</source>
        <translation>运行凭据插件？</translation>
    </message>
    <message>
        <source>The kubeconfig user &lt;b&gt;%1&lt;/b&gt; (%2) gets its credentials by running:</source>
        <translation>kubeconfig 用户 &lt;b&gt;%1&lt;/b&gt; (%2) 通过运行以下命令获取凭据：</translation>
    </message>
    <message>
        <source>with the environment variables %1 set.</source>
        <translation>并设置环境变量 %1。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Run it only if you trust this kubeconfig.&lt;/p&gt;</source>
        <translation>&lt;p&gt;仅在您信任此 kubeconfig 时运行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Remember for this command line</source>
        <translation>记住此命令行</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Finish the hand-over to KubeSphere</source>
        <translation>完成向 KubeSphere 的移交</translation>
    </message>
    <message>
        <source>Prepare for KubeSphere</source>
        <translation>为 KubeSphere 做准备</translation>
    </message>
    <message>
        <source>KubeSphere&apos;s controllers run on this cluster now. Removes Tenantry&apos;s own projections (&lt;code&gt;tenantry:workspace:*&lt;/code&gt;) and reach objects, the isolation policies when KubeSphere&apos;s network extension runs, and takes Tenantry&apos;s mark off the RBAC mirrors KubeSphere&apos;s controllers keep from now on.</source>
        <translation>KubeSphere 的控制器现在已在此集群上运行。将删除 Tenantry 自己的投影 (&lt;code&gt;tenantry:workspace:*&lt;/code&gt;) 和可达性对象、在 KubeSphere 网络扩展运行时删除隔离策略，并移除 Tenantry 在 RBAC 镜像上的标记（今后由 KubeSphere 的控制器维护这些镜像）。</translation>
    </message>
    <message>
        <source>Readies this standalone cluster for &lt;code&gt;helm install ks-core&lt;/code&gt; (KubeSphere 4.1): the built-ins the chart ships get Helm&apos;s marks so Helm adopts them, Tenantry&apos;s other built-ins are removed, CRDs stay (Helm skips existing CRDs). Objects helm install would stop on are listed as warnings; projections wait for the finish, after the install.</source>
        <translation>为 &lt;code&gt;helm install ks-core&lt;/code&gt; (KubeSphere 4.1) 准备此独立集群：Chart 自带的内置对象获得 Helm 标记以便 Helm 接管，Tenantry 的其他内置对象将被删除，CRD 保留（Helm 会跳过已存在的 CRD）。会让 helm install 中止的对象以警告列出；投影将等到安装之后的完成步骤再处理。</translation>
    </message>
    <message>
        <source>Let Helm take &amp;over objects the chart also ships that Tenantry did not install (such as a user named admin): Helm rewrites them as the chart has them</source>
        <translation>允许 Helm 接管(&amp;O) Chart 中也包含但并非由 Tenantry 安装的对象（例如名为 admin 的用户）：Helm 会按 Chart 中的内容重写它们</translation>
    </message>
</context>
<context>
    <name>ImpactTableModel</name>
    <message>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Gains</source>
        <translation>获得</translation>
    </message>
    <message>
        <source>Loses</source>
        <translation>失去</translation>
    </message>
</context>
<context>
    <name>ImportKubeconfigDialog</name>
    <message>
        <source>Import kubeconfig</source>
        <translation>导入 kubeconfig</translation>
    </message>
    <message>
        <source>$KUBECONFIG, else ~/.kube/config</source>
        <translation>$KUBECONFIG，否则为 ~/.kube/config</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>加载(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Kubeconfig file</source>
        <translation>Kubeconfig 文件</translation>
    </message>
    <message>
        <source>No kubeconfig file found.</source>
        <translation>未找到 kubeconfig 文件。</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>已读取：%1</translation>
    </message>
    <message>
        <source>Tick the contexts to connect to. Credentials stay in the kubeconfig; Tenantry remembers only the file and context names.</source>
        <translation>勾选要连接的上下文。凭据保留在 kubeconfig 中；Tenantry 只记住文件名和上下文名称。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>&amp;Kubeconfig:</source>
        <translation>&amp;Kubeconfig：</translation>
    </message>
    <message>
        <source>Contexts</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Space ticks the current context; arrows move between contexts</source>
        <translation>空格键勾选当前上下文；方向键在上下文之间移动</translation>
    </message>
</context>
<context>
    <name>KsSignInDialog</name>
    <message>
        <source>Sign in to KubeSphere</source>
        <translation>登录 KubeSphere</translation>
    </message>
    <message>
        <source>Sign in with a KubeSphere account instead of a kubeconfig identity. Requests then go through ks-apiserver, which decides with KubeSphere&apos;s roles. The token is kept in the system keyring; the password is not kept.</source>
        <translation>使用 KubeSphere 帐户而不是 kubeconfig 身份登录。请求将通过 ks-apiserver，由它根据 KubeSphere 的角色做出决定。令牌保存在系统密钥环中；密码不会保存。</translation>
    </message>
    <message>
        <source>Verify with the system&apos;s certificate authorities</source>
        <translation>使用系统的证书颁发机构验证</translation>
    </message>
    <message>
        <source>Verify with this CA file:</source>
        <translation>使用此 CA 文件验证：</translation>
    </message>
    <message>
        <source>Skip TLS verification (insecure: anyone on the path can read the password)</source>
        <translation>跳过 TLS 验证（不安全：链路上的任何人都能读取密码）</translation>
    </message>
    <message>
        <source>PEM file of the CA that signed the server&apos;s certificate</source>
        <translation>签发服务器证书的 CA 的 PEM 文件</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Browse for the CA file</source>
        <translation>浏览选择 CA 文件</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>服务器(&amp;V)：</translation>
    </message>
</context>
<context>
    <name>KubeconfigContextModel</name>
    <message>
        <source>testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>连接测试</translation>
    </message>
</context>
<context>
    <name>LimitEditorModel</name>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Default limit</source>
        <translation>默认限制</translation>
    </message>
    <message>
        <source>Default request</source>
        <translation>默认请求</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
</context>
<context>
    <name>LimitRangeDialog</name>
    <message>
        <source>Container defaults of project %1</source>
        <translation>项目 %1 的容器默认值</translation>
    </message>
    <message>
        <source>Container (defaults and bounds of each container)</source>
        <translation>容器（每个容器的默认值和上下限）</translation>
    </message>
    <message>
        <source>Pod (bounds of a whole pod)</source>
        <translation>容器组（整个容器组的上下限）</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>A container created in &lt;b&gt;%1&lt;/b&gt; without limits or requests gets the default limit and default request (kube-apiserver&apos;s LimitRanger admission fills them in); min and max bound what it may ask. KubeSphere&apos;s console suggests 500m / 500Mi limits and 10m / 10Mi requests.</source>
        <translation>在 &lt;b&gt;%1&lt;/b&gt; 中创建的容器如果未设置限制或请求，将获得默认限制和默认请求（由 kube-apiserver 的 LimitRanger 准入控制器填充）；最小值和最大值限定其可申请的范围。KubeSphere 控制台建议的限制为 500m / 500Mi，请求为 10m / 10Mi。</translation>
    </message>
    <message>
        <source>Container defaults and bounds</source>
        <translation>容器默认值和上下限</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tenantry</source>
        <translation>Tenantry</translation>
    </message>
    <message>
        <source>Not connected. File → Import kubeconfig… adds a cluster.</source>
        <translation>未连接。使用“文件 → 导入 kubeconfig…”添加集群。</translation>
    </message>
    <message>
        <source>Sign out of KubeSphere</source>
        <translation>退出 KubeSphere 登录</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import kubeconfig…</source>
        <translation>导入 kubeconfig(&amp;I)…</translation>
    </message>
    <message>
        <source>Open &amp;manifests…</source>
        <translation>打开清单(&amp;M)…</translation>
    </message>
    <message>
        <source>Open a folder of RBAC manifests</source>
        <translation>打开 RBAC 清单文件夹</translation>
    </message>
    <message>
        <source>Sign in to &amp;KubeSphere…</source>
        <translation>登录 KubeSphere(&amp;K)…</translation>
    </message>
    <message>
        <source>Connect through ks-apiserver with a KubeSphere account (user name and password)</source>
        <translation>使用 KubeSphere 帐户（用户名和密码）通过 ks-apiserver 连接</translation>
    </message>
    <message>
        <source>Analyse the roles and bindings of a folder of YAML/JSON (a GitOps repository) without a cluster</source>
        <translation>无需集群，分析 YAML/JSON 文件夹（GitOps 仓库）中的角色和绑定</translation>
    </message>
    <message>
        <source>Sign &amp;out of KubeSphere</source>
        <translation>退出 KubeSphere 登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Tenancy</source>
        <translation>租户(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation>全部展开(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation>全部折叠(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>成员(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Quotas</source>
        <translation>配额(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;YAML</source>
        <translation>&amp;YAML</translation>
    </message>
    <message>
        <source>&amp;Permissions…</source>
        <translation>权限(&amp;P)…</translation>
    </message>
    <message>
        <source>Who can do what, where, and why: the permission workbench of the selected cluster</source>
        <translation>谁能在何处做什么以及原因：所选集群的权限工作台</translation>
    </message>
    <message>
        <source>Allowed &amp;traffic…</source>
        <translation>允许的流量(&amp;T)…</translation>
    </message>
    <message>
        <source>Which projects may reach which, as the NetworkPolicies allow: the graph of the selected cluster, limited to the selected workspace</source>
        <translation>根据 NetworkPolicy 的允许规则，哪些项目可以访问哪些项目：所选集群的关系图，限于所选企业空间</translation>
    </message>
    <message>
        <source>&amp;Audit…</source>
        <translation>审计(&amp;A)…</translation>
    </message>
    <message>
        <source>Who did what, when: kube-apiserver and KubeSphere audit logs, Tenantry&apos;s journal and the cluster&apos;s Events, filtered by workspace, project, user, verb and time</source>
        <translation>谁在何时做了什么：kube-apiserver 和 KubeSphere 审计日志、Tenantry 操作日志以及集群事件，可按企业空间、项目、用户、动词和时间筛选</translation>
    </message>
    <message>
        <source>Trace &amp;request…</source>
        <translation>跟踪请求(&amp;R)…</translation>
    </message>
    <message>
        <source>One request through authentication, impersonation, authorization and admission, checked against the server</source>
        <translation>一个请求经过认证、模拟、授权和准入的全过程，并与服务器核对</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Tenantry</source>
        <translation>关于 Tenantry(&amp;A)</translation>
    </message>
    <message>
        <source>About Tenantry</source>
        <translation>关于 Tenantry</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tenantry %1&lt;/b&gt;&lt;p&gt;Administer Kubernetes multi-tenancy in the KubeSphere model, straight against kube-apiserver.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Tenantry %1&lt;/b&gt;&lt;p&gt;按照 KubeSphere 模型管理 Kubernetes 多租户，直接对接 kube-apiserver。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Connect a cluster first (File → Import kubeconfig…), or open a folder of manifests (File → Open manifests…).</source>
        <translation>请先连接集群（文件 → 导入 kubeconfig…），或打开清单文件夹（文件 → 打开清单…）。</translation>
    </message>
    <message>
        <source>%1 has no node in the tree</source>
        <translation>%1 在树中没有节点</translation>
    </message>
    <message>
        <source>Allowed traffic</source>
        <translation>允许的流量</translation>
    </message>
    <message>
        <source>Connect a cluster first (File → Import kubeconfig…).</source>
        <translation>请先连接集群（文件 → 导入 kubeconfig…）。</translation>
    </message>
    <message>
        <source>Trace request</source>
        <translation>跟踪请求</translation>
    </message>
    <message numerus="yes">
        <source>Tenantry — %n cluster(s)</source>
        <translation>
            <numerusform>Tenantry — %n 个集群</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed in to KubeSphere as %1.</source>
        <translation>已以 %1 身份登录 KubeSphere。</translation>
    </message>
    <message>
        <source>Remove %1&apos;s token from the keyring and its context, and disconnect</source>
        <translation>从密钥环中删除 %1 的令牌及其上下文，并断开连接</translation>
    </message>
    <message>
        <source>The selected cluster is not a KubeSphere sign-in</source>
        <translation>所选集群不是通过 KubeSphere 登录的</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies when Tenantry starts again.</source>
        <translation>新语言将在 Tenantry 下次启动时生效。</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>立即重启(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>Tenantry could not start again; please restart it yourself.</source>
        <translation>Tenantry 无法重新启动；请手动重启。</translation>
    </message>
    <message>
        <source>Membe&amp;rs</source>
        <translation>成员(&amp;R)</translation>
    </message>
    <message>
        <source>R&amp;oles</source>
        <translation>角色(&amp;O)</translation>
    </message>
    <message>
        <source>Ne&amp;twork</source>
        <translation>网络(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>主题(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Acce&amp;ss</source>
        <translation>访问权限(&amp;S)</translation>
    </message>
    <message>
        <source>Ro&amp;les</source>
        <translation>角色(&amp;L)</translation>
    </message>
    <message>
        <source>Permissions ta&amp;b</source>
        <translation>权限选项卡(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>仪表盘(&amp;D)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（不存在）</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Recen&amp;t kubeconfigs</source>
        <translation>最近的 kubeconfig(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;No recent kubeconfigs</source>
        <translation>没有最近的 kubeconfig(&amp;N)</translation>
    </message>
    <message>
        <source>Loading the clusters&apos; tenancy; File → Disconnect stops a cluster that takes too long</source>
        <translation>正在加载集群的租户数据；耗时过长时可用“文件 → 断开连接”停止</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;使用 Qt %1 构建，运行于 Qt %2。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>&amp;Untick all</source>
        <translation>全部取消勾选(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>New &amp;role:</source>
        <translation>新角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Also make them members of workspace %1 with role</source>
        <translation>同时使其成为企业空间 %1 的成员，角色为</translation>
    </message>
    <message>
        <source>Tick the users to add to %1 and choose the role they get there.</source>
        <translation>勾选要添加到 %1 的用户，并选择他们在其中的角色。</translation>
    </message>
    <message>
        <source>Tick the users to add to %1 (workspace %2) and choose the role they get there.</source>
        <translation>勾选要添加到 %1（企业空间 %2）的用户，并选择他们在其中的角色。</translation>
    </message>
    <message>
        <source>Tick the members of %1 whose role changes. A member holds one role per scope: the new role replaces the old one.</source>
        <translation>勾选 %1 中要更改角色的成员。成员在每个范围内只有一个角色：新角色将替换旧角色。</translation>
    </message>
    <message>
        <source>Tick the members to remove from %1. Their role there is taken away; the users themselves are kept.</source>
        <translation>勾选要从 %1 移除的成员。将收回他们在其中的角色；用户本身保留。</translation>
    </message>
    <message>
        <source>Tick at least one user to add.</source>
        <translation>请至少勾选一个要添加的用户。</translation>
    </message>
    <message>
        <source>Tick at least one member.</source>
        <translation>请至少勾选一个成员。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择一个角色。</translation>
    </message>
    <message>
        <source>Choose the workspace role, or untick &quot;Also make them members of workspace %1&quot;.</source>
        <translation>请选择企业空间角色，或取消勾选“同时使其成为企业空间 %1 的成员”。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(no roles in %1)</source>
        <translation>（%1 中没有角色）</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Changing the role of</source>
        <translation>更改角色：</translation>
    </message>
    <message>
        <source>%1 %2 leaves workspace %3 without an admin (%4). Only platform admins could then manage its members, roles and settings. Continue?</source>
        <translation>%1 %2 将使企业空间 %3 失去管理员 (%4)。之后只有平台管理员才能管理其成员、角色和设置。是否继续？</translation>
    </message>
    <message>
        <source>Not applied: workspace %1 keeps its admin.</source>
        <translation>未应用：企业空间 %1 保留其管理员。</translation>
    </message>
    <message>
        <source>%1 is the last admin of workspace %2.</source>
        <translation>%1 是企业空间 %2 的最后一位管理员。</translation>
    </message>
    <message>
        <source>%1 are the last admins of workspace %2.</source>
        <translation>%1 是企业空间 %2 的最后几位管理员。</translation>
    </message>
    <message>
        <source>After this change nobody but platform admins can manage its members, roles and settings.</source>
        <translation>此变更之后，除平台管理员外将无人能管理其成员、角色和设置。</translation>
    </message>
    <message>
        <source>No user ticked yet.</source>
        <translation>尚未勾选任何用户。</translation>
    </message>
    <message>
        <source>No member ticked yet.</source>
        <translation>尚未勾选任何成员。</translation>
    </message>
    <message numerus="yes">
        <source>%n ticked: %1</source>
        <translation>
            <numerusform>已勾选 %n 个：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a member of workspace %2.</source>
        <translation>%1 不是企业空间 %2 的成员。</translation>
    </message>
    <message>
        <source>%1 are not members of workspace %2.</source>
        <translation>%1 不是企业空间 %2 的成员。</translation>
    </message>
    <message>
        <source>KubeSphere lets only members of a workspace into its projects.</source>
        <translation>KubeSphere 只允许企业空间的成员进入其项目。</translation>
    </message>
    <message numerus="yes">
        <source>Search %Ln user(s) by name, display name or e-mail</source>
        <translation>
            <numerusform>按名称、显示名称或电子邮件搜索 %Ln 个用户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search %Ln member(s) by name, display name or e-mail</source>
        <translation>
            <numerusform>按名称、显示名称或电子邮件搜索 %Ln 个成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Space ticks the current row</source>
        <translation>空格键勾选当前行</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>绑定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1（%2前）</translation>
    </message>
</context>
<context>
    <name>MoveProjectDialog</name>
    <message>
        <source>Move project %1</source>
        <translation>移动项目 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No workspace (the project leaves %1)</source>
        <translation>无企业空间（项目离开 %1）</translation>
    </message>
    <message>
        <source>Choose a workspace</source>
        <translation>选择企业空间</translation>
    </message>
    <message>
        <source>(no other workspace)</source>
        <translation>（没有其他企业空间）</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Now in:</source>
        <translation>当前所在：</translation>
    </message>
    <message>
        <source>(no workspace)</source>
        <translation>（无企业空间）</translation>
    </message>
    <message>
        <source>&amp;Move to:</source>
        <translation>移动到(&amp;M)：</translation>
    </message>
    <message>
        <source>A project belongs to the workspace its namespace is labelled with (kubesphere.io/workspace); moving it changes that label.</source>
        <translation>项目属于其命名空间标签 (kubesphere.io/workspace) 所指的企业空间；移动项目会更改该标签。</translation>
    </message>
    <message>
        <source>Choose the workspace to move the project to.</source>
        <translation>选择要将项目移动到的企业空间。</translation>
    </message>
    <message>
        <source>Members of %1 (%2) lose the access they had here through that workspace.</source>
        <translation>%1 的成员 (%2) 将失去他们通过该企业空间在此拥有的访问权限。</translation>
    </message>
    <message>
        <source>Members of %1 (%2) gain the access their workspace role gives in its projects.</source>
        <translation>%1 的成员 (%2) 将获得其企业空间角色在其项目中授予的访问权限。</translation>
    </message>
    <message>
        <source>The project leaves its workspace; the plan below says what happens to its own roles and members.</source>
        <translation>项目将离开其企业空间；下方的计划说明其自身的角色和成员会如何变化。</translation>
    </message>
    <message>
        <source>The project&apos;s own members (%1), roles, quotas and workloads stay as they are.</source>
        <translation>项目自身的成员 (%1)、角色、配额和工作负载保持不变。</translation>
    </message>
    <message>
        <source>The project&apos;s roles, quotas and workloads stay as they are.</source>
        <translation>项目的角色、配额和工作负载保持不变。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln 个用户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NavigatorWidget</name>
    <message>
        <source>Filter workspaces, projects, users, roles… (Ctrl+F)</source>
        <translation>筛选企业空间、项目、用户、角色…(Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter the tree</source>
        <translation>筛选树</translation>
    </message>
    <message>
        <source>Clusters and their tenancy</source>
        <translation>集群及其租户</translation>
    </message>
    <message>
        <source>Enter acts on the node, the Menu key or Shift+F10 opens its actions, / filters</source>
        <translation>按 Enter 对节点执行操作，按菜单键或 Shift+F10 打开其操作，按 / 进行筛选</translation>
    </message>
    <message>
        <source>Loading the tenancy</source>
        <translation>正在加载租户数据</translation>
    </message>
</context>
<context>
    <name>NetworkIsolation</name>
    <message>
        <source>Each project of the workspace admits traffic only from the workspace&apos;s own projects.</source>
        <translation>企业空间的每个项目只允许来自本企业空间项目的流量。</translation>
    </message>
    <message>
        <source>The project admits traffic only from itself.</source>
        <translation>项目只允许来自自身的流量。</translation>
    </message>
    <message>
        <source>Outgoing traffic stays open.</source>
        <translation>出站流量保持开放。</translation>
    </message>
    <message>
        <source>Standalone mode: Tenantry writes the NetworkPolicy nsnp-network-isolate in each affected project itself (as KubeSphere&apos;s controller would) and removes it when isolation ends; a network plugin that enforces NetworkPolicy must run.</source>
        <translation>独立模式：Tenantry 自己在每个受影响的项目中写入 NetworkPolicy nsnp-network-isolate（如同 KubeSphere 的控制器那样），并在隔离结束时将其删除；必须运行一个实施 NetworkPolicy 的网络插件。</translation>
    </message>
    <message>
        <source>KubeSphere 4.x: sets kubesphere.io/network-isolate in the template&apos;s metadata, which the controller copies to the workspace; the network extension enforces it.</source>
        <translation>KubeSphere 4.x：在模板的元数据中设置 kubesphere.io/network-isolate，控制器会将其复制到企业空间；由网络扩展实施。</translation>
    </message>
    <message>
        <source>KubeSphere 4.x: sets kubesphere.io/network-isolate on the namespace; the network extension enforces it.</source>
        <translation>KubeSphere 4.x：在命名空间上设置 kubesphere.io/network-isolate；由网络扩展实施。</translation>
    </message>
    <message>
        <source>KubeSphere 3.x: sets spec.template.spec.networkIsolation; ks-controller-manager writes the policies (when network policies are enabled in kubesphere-config).</source>
        <translation>KubeSphere 3.x：设置 spec.template.spec.networkIsolation；由 ks-controller-manager 写入策略（需在 kubesphere-config 中启用网络策略）。</translation>
    </message>
    <message>
        <source>KubeSphere 3.x: sets kubesphere.io/network-isolate on the namespace; ks-controller-manager writes the policy.</source>
        <translation>KubeSphere 3.x：在命名空间上设置 kubesphere.io/network-isolate；由 ks-controller-manager 写入策略。</translation>
    </message>
    <message>
        <source>workspace &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>企业空间 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>project &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>项目 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Turn on network isolation of %1.</source>
        <translation>开启 %1 的网络隔离。</translation>
    </message>
    <message>
        <source>Turn off network isolation of %1: other projects may reach it again%2.</source>
        <translation>关闭 %1 的网络隔离：其他项目将可以再次访问它%2。</translation>
    </message>
    <message>
        <source> (its isolation policies are removed)</source>
        <translation>（其隔离策略将被删除）</translation>
    </message>
</context>
<context>
    <name>NetworkPolicyDialog</name>
    <message>
        <source>New network policy in %1</source>
        <translation>在 %1 中新建网络策略</translation>
    </message>
    <message>
        <source>Edit network policy %1/%2</source>
        <translation>编辑网络策略 %1/%2</translation>
    </message>
    <message>
        <source>&amp;Ingress</source>
        <translation>入站(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;gress</source>
        <translation>出站(&amp;G)</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Namespaces (labels)</source>
        <translation>命名空间（标签）</translation>
    </message>
    <message>
        <source>Pods (labels)</source>
        <translation>容器组（标签）</translation>
    </message>
    <message>
        <source>CIDR</source>
        <translation>CIDR</translation>
    </message>
    <message>
        <source>Except</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Port or name</source>
        <translation>端口或名称</translation>
    </message>
    <message>
        <source>End port</source>
        <translation>结束端口</translation>
    </message>
    <message>
        <source>a DNS name such as allow-web (not starting with nsnp-)</source>
        <translation>DNS 名称，例如 allow-web（不能以 nsnp- 开头）</translation>
    </message>
    <message>
        <source>app=web, tier=frontend (empty: every pod of the project)</source>
        <translation>app=web, tier=frontend（留空：项目的所有容器组）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Applies to &amp;pods:</source>
        <translation>应用于容器组(&amp;P)：</translation>
    </message>
    <message>
        <source>Policy types:</source>
        <translation>策略类型：</translation>
    </message>
    <message>
        <source>Add ingress rule</source>
        <translation>添加入站规则</translation>
    </message>
    <message>
        <source>Add egress rule</source>
        <translation>添加出站规则</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Add peer</source>
        <translation>添加对端</translation>
    </message>
    <message>
        <source>Remove peer</source>
        <translation>删除对端</translation>
    </message>
    <message>
        <source>Peers (none: any source / destination):</source>
        <translation>对端（无：任意来源/目标）：</translation>
    </message>
    <message>
        <source>Add port</source>
        <translation>添加端口</translation>
    </message>
    <message>
        <source>Remove port</source>
        <translation>删除端口</translation>
    </message>
    <message>
        <source>Ports (none: every port):</source>
        <translation>端口（无：所有端口）：</translation>
    </message>
    <message>
        <source>Rules:</source>
        <translation>规则：</translation>
    </message>
    <message>
        <source>A policy selects pods of the project; once a pod is selected for a direction, only the rules&apos; traffic is allowed that way. Namespace cells offer the workspaces and projects, or take labels.</source>
        <translation>策略选择项目中的容器组；一旦容器组在某个方向上被选中，该方向上只允许规则中的流量。命名空间单元格提供企业空间和项目供选择，也可直接填写标签。</translation>
    </message>
    <message>
        <source># %1</source>
        <translation># %1</translation>
    </message>
    <message>
        <source>Ingress %1 from %2</source>
        <translation>入站 %1，来自 %2</translation>
    </message>
    <message>
        <source>Egress %1 to %2</source>
        <translation>出站 %1，去往 %2</translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation>任意位置</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation>，端口 %1</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Pods of this project</source>
        <translation>本项目的容器组</translation>
    </message>
    <message>
        <source>Pods in namespaces</source>
        <translation>命名空间中的容器组</translation>
    </message>
    <message>
        <source>IP block</source>
        <translation>IP 地址块</translation>
    </message>
    <message>
        <source>every namespace</source>
        <translation>所有命名空间</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>The policy as YAML</source>
        <translation>以 YAML 表示的策略</translation>
    </message>
    <message>
        <source>Peer kind</source>
        <translation>对端类型</translation>
    </message>
    <message>
        <source>Peer namespaces (labels)</source>
        <translation>对端命名空间（标签）</translation>
    </message>
    <message>
        <source>Port protocol</source>
        <translation>端口协议</translation>
    </message>
</context>
<context>
    <name>NetworkPolicyForm</name>
    <message>
        <source>is not a number (an end port closes a range of port numbers)</source>
        <translation>不是数字（结束端口用于指定端口号范围的终点）</translation>
    </message>
    <message>
        <source>IP block %1</source>
        <translation>IP 地址块 %1</translation>
    </message>
    <message>
        <source> except %1</source>
        <translation>，排除 %1</translation>
    </message>
    <message>
        <source>every namespace</source>
        <translation>所有命名空间</translation>
    </message>
    <message>
        <source>namespaces %1</source>
        <translation>命名空间 %1</translation>
    </message>
    <message>
        <source>every pod</source>
        <translation>所有容器组</translation>
    </message>
    <message>
        <source>pods %1</source>
        <translation>容器组 %1</translation>
    </message>
    <message>
        <source>(no selector)</source>
        <translation>（无选择器）</translation>
    </message>
    <message>
        <source>is not key=value</source>
        <translation>不是 key=value 格式</translation>
    </message>
</context>
<context>
    <name>NetworkPolicyTableModel</name>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Ingress rules</source>
        <translation>入站规则</translation>
    </message>
    <message>
        <source>Egress rules</source>
        <translation>出站规则</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>NodeDetails</name>
    <message>
        <source>workspace manager</source>
        <translation>企业空间管理员</translation>
    </message>
    <message>
        <source>project creator</source>
        <translation>项目创建者</translation>
    </message>
    <message>
        <source>role missing</source>
        <translation>角色缺失</translation>
    </message>
    <message>
        <source>(projects only)</source>
        <translation>（仅项目）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> (+%1 unlimited)</source>
        <translation>（另有 %1 项无限制）</translation>
    </message>
    <message>
        <source>used %1 &gt; hard %2</source>
        <translation>已用 %1 &gt; 上限 %2</translation>
    </message>
    <message>
        <source>Used: the sum over the projects&apos; quotas (KubeSphere&apos;s quota controller, which writes the workspace quota&apos;s status.total, does not run here).</source>
        <translation>已用：各项目配额之和（写入企业空间配额 status.total 的 KubeSphere 配额控制器未在此运行）。</translation>
    </message>
    <message>
        <source>Used: status.total of the workspace quota, written by KubeSphere&apos;s quota controller.</source>
        <translation>已用：企业空间配额的 status.total，由 KubeSphere 的配额控制器写入。</translation>
    </message>
    <message>
        <source>the projects of workspace %1 hold %2 of its %3</source>
        <translation>企业空间 %1 的项目占用了其 %3 中的 %2</translation>
    </message>
    <message>
        <source>%1: projects hold %2 of %3</source>
        <translation>%1：项目占用了 %3 中的 %2</translation>
    </message>
    <message>
        <source>Workspace %1 quota — %2.</source>
        <translation>企业空间 %1 的配额 — %2。</translation>
    </message>
    <message>
        <source>network isolation (generated; use the switch)</source>
        <translation>网络隔离（自动生成；请使用开关）</translation>
    </message>
    <message>
        <source>network isolation (written by Tenantry; use the switch)</source>
        <translation>网络隔离（由 Tenantry 写入；请使用开关）</translation>
    </message>
    <message>
        <source>generated from a NamespaceNetworkPolicy</source>
        <translation>由 NamespaceNetworkPolicy 生成</translation>
    </message>
    <message>
        <source>unknown (no access)</source>
        <translation>未知（无访问权限）</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>企业空间 %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Workspace (WorkspaceTemplate)</source>
        <translation>企业空间 (WorkspaceTemplate)</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>企业空间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>(by cluster selector)</source>
        <translation>（按集群选择器）</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>集群分布</translation>
    </message>
    <message>
        <source>no cluster</source>
        <translation>无集群</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>创建者</translation>
    </message>
    <message>
        <source>Deletion propagation</source>
        <translation>删除传播</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>being deleted</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>Members of workspace %1</source>
        <translation>企业空间 %1 的成员</translation>
    </message>
    <message>
        <source>Workspace roles of %1</source>
        <translation>%1 的企业空间角色</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> (annotation %1)</source>
        <translation>（注解 %1）</translation>
    </message>
    <message>
        <source> (spec.networkIsolation)</source>
        <translation> (spec.networkIsolation)</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation>项目 %1</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Project (Namespace)</source>
        <translation>项目 (Namespace)</translation>
    </message>
    <message>
        <source> (this identity may not read workspaces)</source>
        <translation>（此身份无权读取企业空间）</translation>
    </message>
    <message>
        <source> (missing)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Managed by KubeSphere</source>
        <translation>由 KubeSphere 管理</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Known from</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>a rules review or a pin (this identity may not read namespaces)</source>
        <translation>规则审查或固定（此身份无权读取命名空间）</translation>
    </message>
    <message>
        <source>Members of project %1</source>
        <translation>项目 %1 的成员</translation>
    </message>
    <message>
        <source>Project roles of %1</source>
        <translation>%1 的项目角色</translation>
    </message>
    <message>
        <source>default request %1</source>
        <translation>默认请求 %1</translation>
    </message>
    <message>
        <source>default limit %1</source>
        <translation>默认限制 %1</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <source>min %1</source>
        <translation>最小 %1</translation>
    </message>
    <message>
        <source>on (project)</source>
        <translation>开启（项目）</translation>
    </message>
    <message>
        <source>on (inherited from the workspace)</source>
        <translation>开启（继承自企业空间）</translation>
    </message>
    <message>
        <source>; the isolation NetworkPolicy %1 is missing</source>
        <translation>；隔离 NetworkPolicy %1 缺失</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>not yet set (no controller has seen it)</source>
        <translation>尚未设置（尚无控制器处理过它）</translation>
    </message>
    <message>
        <source>Platform role</source>
        <translation>平台角色</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>组 %1</translation>
    </message>
    <message>
        <source>user-ref label only</source>
        <translation>仅有 user-ref 标签</translation>
    </message>
    <message>
        <source>Platform role %1</source>
        <translation>平台角色 %1</translation>
    </message>
    <message>
        <source>Cluster role %1</source>
        <translation>集群角色 %1</translation>
    </message>
    <message>
        <source>GlobalRole</source>
        <translation>GlobalRole</translation>
    </message>
    <message>
        <source>ClusterRole</source>
        <translation>ClusterRole</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Bindings</source>
        <translation>绑定</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Bound to %1</source>
        <translation>绑定到 %1</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>集群 %1</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>企业空间</translation>
    </message>
    <message>
        <source>Projects (namespaces)</source>
        <translation>项目（命名空间）</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Platform roles</source>
        <translation>平台角色</translation>
    </message>
    <message>
        <source>Cluster roles</source>
        <translation>集群角色</translation>
    </message>
    <message>
        <source>Role templates</source>
        <translation>角色模板</translation>
    </message>
    <message>
        <source>Platform members (platform role bindings)</source>
        <translation>平台成员（平台角色绑定）</translation>
    </message>
    <message>
        <source>Platform roles of users</source>
        <translation>用户的平台角色</translation>
    </message>
    <message>
        <source>Platform role bindings</source>
        <translation>平台角色绑定</translation>
    </message>
    <message>
        <source>Cluster role bindings</source>
        <translation>集群角色绑定</translation>
    </message>
    <message>
        <source>Projects without workspace</source>
        <translation>不属于企业空间的项目</translation>
    </message>
    <message>
        <source>No project reachable</source>
        <translation>没有可访问的项目</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>This identity may not list namespaces, and neither a rules review nor a pinned namespace names one it can use.</source>
        <translation>此身份无权列出命名空间，而规则审查和固定的命名空间都没有指出它可使用的命名空间。</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>解决办法</translation>
    </message>
    <message>
        <source>Pin the namespaces you work in (Enter on this row, or File → Pin namespaces…), or ask an administrator for a role in a project.</source>
        <translation>固定您工作所在的命名空间（在此行上按 Enter，或使用“文件 → 固定命名空间…”），或请管理员为您分配某个项目中的角色。</translation>
    </message>
    <message>
        <source>Reachable projects</source>
        <translation>可访问的项目</translation>
    </message>
    <message>
        <source>This identity may not list namespaces. These are the namespaces a rules review found access to, or that are pinned for this connection.</source>
        <translation>此身份无权列出命名空间。以下是规则审查发现有访问权限的命名空间，或为此连接固定的命名空间。</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1（已删除）</translation>
    </message>
    <message>
        <source>no longer exists on the cluster</source>
        <translation>已不存在于集群中</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>(current context)</source>
        <translation>（当前上下文）</translation>
    </message>
    <message>
        <source>Kubeconfig</source>
        <translation>Kubeconfig</translation>
    </message>
    <message>
        <source>$KUBECONFIG or ~/.kube/config</source>
        <translation>$KUBECONFIG 或 ~/.kube/config</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source> (showing the last known state)</source>
        <translation>（显示最后已知的状态）</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <source> (groups: %1)</source>
        <translation>（组：%1）</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Tenancy API</source>
        <translation>租户 API</translation>
    </message>
    <message>
        <source>KubeSphere version</source>
        <translation>KubeSphere 版本</translation>
    </message>
    <message>
        <source>none detected</source>
        <translation>未检测到</translation>
    </message>
    <message>
        <source>Limited view</source>
        <translation>受限视图</translation>
    </message>
    <message>
        <source>may not list %1</source>
        <translation>无权列出 %1</translation>
    </message>
    <message>
        <source>Reachable namespaces</source>
        <translation>可访问的命名空间</translation>
    </message>
    <message>
        <source>Pinned namespaces</source>
        <translation>固定的命名空间</translation>
    </message>
    <message>
        <source> (showing the local cache of %1)</source>
        <translation>（显示 %1 的本地缓存）</translation>
    </message>
</context>
<context>
    <name>PermissionMatrixModel</name>
    <message>
        <source>denied</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>allowed through a wildcard rule</source>
        <translation>通过通配符规则允许</translation>
    </message>
    <message>
        <source>allowed for some names only</source>
        <translation>仅对部分名称允许</translation>
    </message>
    <message>
        <source>allowed (system:masters, before RBAC)</source>
        <translation>允许（system:masters，先于 RBAC）</translation>
    </message>
    <message>
        <source>allowed, says the server&apos;s rules review for you (your bindings are not readable)</source>
        <translation>允许，依据服务器对您的规则审查（您的绑定不可读）</translation>
    </message>
    <message>
        <source>unknown: not allowed by what could be read</source>
        <translation>未知：根据可读取的内容未被允许</translation>
    </message>
    <message>
        <source>does not apply to this resource</source>
        <translation>不适用于此资源</translation>
    </message>
    <message>
        <source>allowed by a Rego policy (iam.kubesphere.io/rego-override, evaluated by opa)</source>
        <translation>由 Rego 策略允许（iam.kubesphere.io/rego-override，由 opa 评估）</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>yes*</source>
        <translation>是*</translation>
    </message>
    <message>
        <source>names</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>rego</source>
        <translation>rego</translation>
    </message>
    <message>
        <source>%1 (%2%3)</source>
        <translation>%1（%2%3）</translation>
    </message>
    <message>
        <source>, a KubeSphere virtual resource</source>
        <translation>，KubeSphere 虚拟资源</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 在 %2 上：%3</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>; %1: %2</source>
        <translation>；%1：%2</translation>
    </message>
    <message>
        <source>; differs: %1 says %2</source>
        <translation>；不同：%1 认为 %2</translation>
    </message>
    <message>
        <source>; a known risk</source>
        <translation>；已知风险</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>API group</source>
        <translation>API 组</translation>
    </message>
</context>
<context>
    <name>PermissionSource</name>
    <message numerus="yes">
        <source>%n manifest file(s) that did not parse</source>
        <translation>
            <numerusform>%n 个清单文件无法解析</numerusform>
        </translation>
    </message>
    <message>
        <source>discovery failed (%1): rows are the built-in resource list</source>
        <translation>发现 (discovery) 失败 (%1)：各行为内置资源列表</translation>
    </message>
</context>
<context>
    <name>PermissionWorkbench</name>
    <message>
        <source>The server did not say who you are (no SelfSubjectReview), and offline there is no caller: pick or type a subject.</source>
        <translation>服务器未告知您的身份（无 SelfSubjectReview），离线时也没有调用者：请选择或输入一个主体。</translation>
    </message>
    <message>
        <source>me (%1)</source>
        <translation>我 (%1)</translation>
    </message>
    <message>
        <source> + groups %1</source>
        <translation> + 组 %1</translation>
    </message>
    <message>
        <source>Rego policies (iam.kubesphere.io/rego-override) not evaluated: %1. Cells they could allow are shown as ks-apiserver&apos;s rules alone decide.</source>
        <translation>未评估 Rego 策略 (iam.kubesphere.io/rego-override)：%1。这些策略可能允许的单元格按仅由 ks-apiserver 的规则决定的结果显示。</translation>
    </message>
    <message numerus="yes">
        <source>Rego policies evaluated by opa: %n cell(s) marked R are allowed by a policy alone.</source>
        <translation>
            <numerusform>已由 opa 评估 Rego 策略：%n 个标记为 R 的单元格仅由策略允许。</numerusform>
        </translation>
    </message>
    <message>
        <source>The KubeSphere view needs KubeSphere&apos;s IAM API, and this data has none: use the Kubernetes view.</source>
        <translation>KubeSphere 视图需要 KubeSphere 的 IAM API，而这些数据中没有：请使用 Kubernetes 视图。</translation>
    </message>
    <message>
        <source>The platform scope is KubeSphere&apos;s: switch to the KubeSphere view, or pick the cluster.</source>
        <translation>平台范围属于 KubeSphere：请切换到 KubeSphere 视图，或选择集群。</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>the cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Workspace &quot;%1&quot; does not exist (any more): pick another scope.</source>
        <translation>企业空间“%1”不存在（或已不存在）：请选择其他范围。</translation>
    </message>
    <message>
        <source>Workspace &quot;%1&quot; has no projects, and the Kubernetes view has no workspace scope.</source>
        <translation>企业空间“%1”没有项目，而 Kubernetes 视图没有企业空间范围。</translation>
    </message>
    <message>
        <source>workspace %1</source>
        <translation>企业空间 %1</translation>
    </message>
    <message>
        <source>Project &quot;%1&quot; does not exist (any more): pick another scope.</source>
        <translation>项目“%1”不存在（或已不存在）：请选择其他范围。</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>项目 %1</translation>
    </message>
    <message>
        <source>every scope</source>
        <translation>所有范围</translation>
    </message>
    <message>
        <source>Pick a resource for this layout.</source>
        <translation>请为此布局选择一个资源。</translation>
    </message>
    <message>
        <source>No resource &quot;%1&quot; here (discovery does not list it).</source>
        <translation>此处没有资源“%1”（discovery 未列出它）。</translation>
    </message>
    <message>
        <source>kube-apiserver</source>
        <translation>kube-apiserver</translation>
    </message>
    <message>
        <source>ks-apiserver</source>
        <translation>ks-apiserver</translation>
    </message>
    <message>
        <source>Every subject is listed for one scope: pick the cluster, a project or (KubeSphere view) a workspace or the platform.</source>
        <translation>所有主体只能针对一个范围列出：请选择集群、项目，或（KubeSphere 视图下）企业空间或平台。</translation>
    </message>
    <message>
        <source>Who may do what with %1 in %2, as %3 decides</source>
        <translation>谁可以在 %2 中对 %1 做什么，由 %3 判定</translation>
    </message>
    <message>
        <source>No binding and no User object names %1: it holds only what its groups (such as system:authenticated) are granted.</source>
        <translation>没有绑定也没有 User 对象指向 %1：它只拥有其所属组（例如 system:authenticated）被授予的权限。</translation>
    </message>
    <message>
        <source>Your roles and bindings are not all readable: cells marked ✓ come from the server&apos;s rules review for you (SelfSubjectRulesReview) in each project.</source>
        <translation>您的角色和绑定并非全部可读：标记为 ✓ 的单元格来自服务器在各项目中对您的规则审查 (SelfSubjectRulesReview)。</translation>
    </message>
    <message>
        <source>Compare with: %1</source>
        <translation>比较对象：%1</translation>
    </message>
    <message>
        <source>%1 compared with %2 in %3, as %4 decides</source>
        <translation>在 %3 中比较 %1 与 %2，由 %4 判定</translation>
    </message>
    <message>
        <source>What %1 may do in %2, as %3 decides</source>
        <translation>%1 在 %2 中可以做什么，由 %3 判定</translation>
    </message>
    <message>
        <source>Your roles and bindings are not readable; the server&apos;s rules review (SelfSubjectRulesReview) for you lists a rule that allows it:
</source>
        <translation>您的角色和绑定不可读；服务器对您的规则审查 (SelfSubjectRulesReview) 列出了允许此操作的规则：
</translation>
    </message>
    <message>
        <source>Compared with %1:</source>
        <translation>与 %1 比较：</translation>
    </message>
    <message>
        <source>superuser group (before RBAC)</source>
        <translation>超级用户组（先于 RBAC）</translation>
    </message>
    <message>
        <source> (as a member of %1)</source>
        <translation>（作为 %1 的成员）</translation>
    </message>
    <message>
        <source>Rego authz.rego:%1 %2</source>
        <translation>Rego authz.rego:%1 %2</translation>
    </message>
    <message>
        <source>Rego policy</source>
        <translation>Rego 策略</translation>
    </message>
    <message>
        <source>No permission data yet.</source>
        <translation>尚无权限数据。</translation>
    </message>
    <message>
        <source>Type a verb, such as get or create.</source>
        <translation>请输入一个动词，例如 get 或 create。</translation>
    </message>
    <message>
        <source>Verification asks the API server: open a live cluster (manifests have none).</source>
        <translation>验证需要询问 API 服务器：请打开一个在线集群（清单没有服务器）。</translation>
    </message>
    <message>
        <source>Nothing to verify yet.</source>
        <translation>尚无可验证的内容。</translation>
    </message>
    <message>
        <source>Only kube-apiserver can be asked (SubjectAccessReview): switch to the Kubernetes view to verify. ks-apiserver has no review API.</source>
        <translation>只能询问 kube-apiserver (SubjectAccessReview)：请切换到 Kubernetes 视图进行验证。ks-apiserver 没有审查 API。</translation>
    </message>
    <message>
        <source>%1: shown %2, kube-apiserver says %3 (%4)</source>
        <translation>%1：显示为 %2，kube-apiserver 的回答为 %3 (%4)</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>拒绝</translation>
    </message>
    <message numerus="yes">
        <source>kube-apiserver agrees on all %n checked cell(s).</source>
        <translation>
            <numerusform>kube-apiserver 对全部 %n 个已检查的单元格结论一致。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not in the data (deleted meanwhile?)</source>
        <translation>%1 不在数据中（期间已被删除？）</translation>
    </message>
    <message numerus="yes">
        <source>DISAGREEMENT: kube-apiserver answered differently on %1 of %n cell(s)%2.</source>
        <translation>
            <numerusform>不一致：在 %n 个单元格中，kube-apiserver 对 %1 个给出了不同的回答%2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, and %n review(s) failed</source>
        <translation>
            <numerusform>，且 %n 次审查失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> Of %n cell(s) shown as unknown, the server allows %1.</source>
        <translation>
            <numerusform> 在 %n 个显示为未知的单元格中，服务器允许 %1 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PermissionWorkbenchWidget</name>
    <message>
        <source>me, a user, Group NAME, ServiceAccount NS/NAME</source>
        <translation>me、用户名、Group NAME、ServiceAccount NS/NAME</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>resource, e.g. pods</source>
        <translation>资源，例如 pods</translation>
    </message>
    <message>
        <source>Only allowed</source>
        <translation>仅允许的</translation>
    </message>
    <message>
        <source>Only risky</source>
        <translation>仅有风险的</translation>
    </message>
    <message>
        <source>Only differing</source>
        <translation>仅不同的</translation>
    </message>
    <message>
        <source>extra groups, comma separated (as --as-group)</source>
        <translation>附加组，以逗号分隔（同 --as-group）</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>企业空间</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>所有项目</translation>
    </message>
    <message>
        <source>Kubernetes (what kube-apiserver enforces)</source>
        <translation>Kubernetes（kube-apiserver 实际执行的）</translation>
    </message>
    <message>
        <source>KubeSphere (what ks-apiserver decides)</source>
        <translation>KubeSphere（ks-apiserver 的判定）</translation>
    </message>
    <message>
        <source>Resources × verbs</source>
        <translation>资源 × 动词</translation>
    </message>
    <message>
        <source>One resource in every scope</source>
        <translation>一个资源在所有范围中</translation>
    </message>
    <message>
        <source>One resource for every subject</source>
        <translation>一个资源对所有主体</translation>
    </message>
    <message>
        <source>Filter rows: resource, group, scope, subject</source>
        <translation>筛选行：资源、组、范围、主体</translation>
    </message>
    <message>
        <source>Cells where the other view, or the compared subject, answers differently</source>
        <translation>另一视图或比较对象给出不同回答的单元格</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>导出为 CSV…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <source>Permission matrix</source>
        <translation>权限矩阵</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主体(&amp;S)：</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>比较对象(&amp;W)：</translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation>范围(&amp;C)：</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Select a cell to see which binding, role and rule decide it.</source>
        <translation>选择一个单元格以查看由哪个绑定、角色和规则决定。</translation>
    </message>
    <message>
        <source>The bindings and roles of the paths: double-click (or Enter) to open one</source>
        <translation>路径上的绑定和角色：双击（或按 Enter）打开</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>verb</source>
        <translation>动词</translation>
    </message>
    <message>
        <source>resource, e.g. pods/exec</source>
        <translation>资源，例如 pods/exec</translation>
    </message>
    <message>
        <source>Who can?</source>
        <translation>谁可以？</translation>
    </message>
    <message>
        <source>Select a cell, or type a verb and a resource (asked in the scope above).</source>
        <translation>选择一个单元格，或输入动词和资源（在上方的范围内查询）。</translation>
    </message>
    <message numerus="yes">
        <source>Who may %1: %n subject path(s)</source>
        <translation>
            <numerusform>谁可以 %1：%n 条主体路径</numerusform>
        </translation>
    </message>
    <message>
        <source>Who can</source>
        <translation>谁可以</translation>
    </message>
    <message>
        <source>Scan the scope</source>
        <translation>扫描该范围</translation>
    </message>
    <message>
        <source>Wildcards, secrets, impersonation, escalate/bind, exec, nodes/proxy, webhooks, CRDs.</source>
        <translation>通配符、Secret、模拟 (impersonation)、escalate/bind、exec、nodes/proxy、Webhook、CRD。</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) in this scope; double-click one to open its binding.</source>
        <translation>
            <numerusform>此范围内有 %n 项发现；双击某项可打开其绑定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Verify with the API server</source>
        <translation>通过 API 服务器验证</translation>
    </message>
    <message>
        <source>Asks kube-apiserver (SubjectAccessReview) for the shown cells (a spread sample of 400 when there are more) and compares</source>
        <translation>向 kube-apiserver (SubjectAccessReview) 询问显示的单元格（超过 400 个时均匀抽样 400 个）并进行比较</translation>
    </message>
    <message>
        <source>Not verified yet.</source>
        <translation>尚未验证。</translation>
    </message>
    <message>
        <source>Asking the API server…</source>
        <translation>正在询问 API 服务器…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>No KubeSphere IAM API in this data: only the Kubernetes view applies</source>
        <translation>这些数据中没有 KubeSphere IAM API：只适用 Kubernetes 视图</translation>
    </message>
    <message>
        <source>Could not read: %1. Cells those objects could allow are shown as unknown (?), not denied.</source>
        <translation>无法读取：%1。这些对象可能允许的单元格显示为未知 (?)，而不是拒绝。</translation>
    </message>
    <message>
        <source>Reading roles and bindings…</source>
        <translation>正在读取角色和绑定…</translation>
    </message>
    <message>
        <source>There is no matrix to export yet.</source>
        <translation>尚无可导出的矩阵。</translation>
    </message>
    <message>
        <source>Export the matrix</source>
        <translation>导出矩阵</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s) · %2 ms</source>
        <translation>
            <numerusform>%1 / %n 行 · %2 毫秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Extra groups</source>
        <translation>附加组</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>筛选行</translation>
    </message>
    <message>
        <source>Copy e&amp;xplanation</source>
        <translation>复制说明(&amp;X)</translation>
    </message>
    <message>
        <source>Each cell says allowed, denied or unknown; the Menu key asks why and who else can</source>
        <translation>每个单元格显示允许、拒绝或未知；按菜单键可查询原因以及还有谁可以</translation>
    </message>
    <message>
        <source>Scope name</source>
        <translation>范围名称</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Answers about the selected cell</source>
        <translation>关于所选单元格的解答</translation>
    </message>
    <message>
        <source>&amp;Open YAML</source>
        <translation>打开 YAML(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Show in the tree</source>
        <translation>在树中显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Objects on the path:</source>
        <translation>路径上的对象(&amp;O)：</translation>
    </message>
    <message>
        <source>Objects on the path</source>
        <translation>路径上的对象</translation>
    </message>
    <message>
        <source>Verb</source>
        <translation>动词</translation>
    </message>
    <message>
        <source>Disagreements and errors</source>
        <translation>不一致与错误</translation>
    </message>
    <message>
        <source>&amp;Why?</source>
        <translation>为什么(&amp;W)？</translation>
    </message>
    <message>
        <source>W&amp;ho else can?</source>
        <translation>还有谁可以(&amp;H)？</translation>
    </message>
    <message>
        <source>&amp;Trace this request…</source>
        <translation>跟踪此请求(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Copy cell</source>
        <translation>复制单元格(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel computing the permission matrix</source>
        <translation>取消计算权限矩阵</translation>
    </message>
    <message>
        <source>Compute again</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>The matrix shown answers the question before the cancel: compute the current one</source>
        <translation>显示的矩阵回答的是取消之前的问题：计算当前的问题</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelled: the matrix below still answers the question before (its title says which). Compute again answers the current one.</source>
        <translation>已取消：下方的矩阵仍回答之前的问题（见其标题）。“重新计算”将回答当前的问题。</translation>
    </message>
</context>
<context>
    <name>PermissionsWindow</name>
    <message>
        <source>Permissions — %1</source>
        <translation>权限 — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Export the matrix</source>
        <translation>导出矩阵</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>导出为 &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>%1 (offline)</source>
        <translation>%1（离线）</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Export as C&amp;SV…</source>
        <translation>导出为 C&amp;SV…</translation>
    </message>
</context>
<context>
    <name>PinNamespacesDialog</name>
    <message>
        <source>Pin namespaces</source>
        <translation>固定命名空间</translation>
    </message>
    <message>
        <source>team-a-dev, team-a-prod</source>
        <translation>team-a-dev, team-a-prod</translation>
    </message>
    <message>
        <source>Namespaces to show for &lt;b&gt;%1&lt;/b&gt; even when this identity may not list namespaces (separated by commas):</source>
        <translation>即使此身份无权列出命名空间，也要为 &lt;b&gt;%1&lt;/b&gt; 显示的命名空间（以逗号分隔）：</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>&amp;Remove the KubeSphere finalizers that would keep these objects Terminating</source>
        <translation>移除会使这些对象一直处于 Terminating 状态的 KubeSphere finalizer(&amp;R)</translation>
    </message>
    <message>
        <source>The exact objects this change writes appear here (Preview).</source>
        <translation>此变更写入的确切对象将显示在这里（预览）。</translation>
    </message>
    <message>
        <source>Each object&apos;s fields before and after the change appear here (Preview).</source>
        <translation>每个对象在变更前后的字段将显示在这里（预览）。</translation>
    </message>
    <message>
        <source>+ added, − removed, ~ changed; compared with the live objects.</source>
        <translation>+ 新增，− 删除，~ 更改；与在线对象比较。</translation>
    </message>
    <message>
        <source>Who gains or loses which permissions appears here (Preview).</source>
        <translation>谁获得或失去哪些权限将显示在这里（预览）。</translation>
    </message>
    <message>
        <source>⚠ kube-apiserver is expected to refuse this as privilege escalation:
%1</source>
        <translation>⚠ kube-apiserver 预计会以权限提升为由拒绝此操作：
%1</translation>
    </message>
    <message>
        <source>&amp;Writes (YAML)</source>
        <translation>写入 (YAML)(&amp;W)</translation>
    </message>
    <message>
        <source>C&amp;hanges</source>
        <translation>变更(&amp;H)</translation>
    </message>
    <message>
        <source>I&amp;mpact on permissions</source>
        <translation>对权限的影响(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation>试运行(&amp;D)</translation>
    </message>
    <message>
        <source>Apply, taking over &amp;conflicting fields</source>
        <translation>应用并接管冲突字段(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Another field manager owns some of these fields. Take them over and apply?</source>
        <translation>其他字段管理器拥有其中部分字段。是否接管这些字段并应用？</translation>
    </message>
    <message>
        <source>Applying (taking over conflicting fields)…</source>
        <translation>正在应用（接管冲突字段）…</translation>
    </message>
    <message>
        <source>Plan (what will be written):</source>
        <translation>计划（将要写入的内容）：</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>The form changed: the plan below is out of date (Preview, Dry run or Apply plans again).</source>
        <translation>表单已更改：下方的计划已过时（预览、试运行或应用会重新生成计划）。</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>The form is incomplete.</source>
        <translation>表单不完整。</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>正在生成计划…</translation>
    </message>
    <message>
        <source>Reading the live objects…</source>
        <translation>正在读取在线对象…</translation>
    </message>
    <message>
        <source>Computed when this tab is opened (it reads the cluster&apos;s roles and bindings).</source>
        <translation>在打开此选项卡时计算（会读取集群的角色和绑定）。</translation>
    </message>
    <message>
        <source>Held by KubeSphere finalizers: %1. Other finalizers stay.</source>
        <translation>被 KubeSphere finalizer 阻止：%1。其他 finalizer 保留。</translation>
    </message>
    <message>
        <source>Nothing to change: the cluster already matches.</source>
        <translation>无需更改：集群已经一致。</translation>
    </message>
    <message>
        <source>⚠ Warning: %1</source>
        <translation>⚠ 警告：%1</translation>
    </message>
    <message>
        <source>Dry run on the server…</source>
        <translation>正在服务器上试运行…</translation>
    </message>
    <message>
        <source>Not applied.</source>
        <translation>未应用。</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>+ added, − removed, ~ changed: as the server answered the dry run (exact).</source>
        <translation>+ 新增，− 删除，~ 更改：依据服务器对试运行的回答（精确）。</translation>
    </message>
    <message>
        <source>+ added, − removed, ~ changed; compared with the live objects. Fields marked [predicted] are what the client expects; Dry run shows the server&apos;s answer.</source>
        <translation>+ 新增，− 删除，~ 更改；与在线对象比较。标记为 [predicted] 的字段是客户端的预期；试运行会显示服务器的回答。</translation>
    </message>
    <message>
        <source>Dry run failed: %1</source>
        <translation>试运行失败：%1</translation>
    </message>
    <message>
        <source>Apply failed: %1</source>
        <translation>应用失败：%1</translation>
    </message>
    <message>
        <source>Dry run passed: the server accepted every write and stored nothing.</source>
        <translation>试运行通过：服务器接受了所有写入，且未存储任何内容。</translation>
    </message>
    <message>
        <source>Dry run passed: the server accepted the other writes and stored nothing; %1 into objects this plan creates can only be checked once those exist (see the tooltip).</source>
        <translation>试运行通过：服务器接受了其他写入，且未存储任何内容；写入此计划所创建对象的 %1 只能在这些对象存在后才能检查（见工具提示）。</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>已应用。</translation>
    </message>
    <message numerus="yes">
        <source> %1 of %n write(s) done.</source>
        <translation>
            <numerusform> 已完成 %1 / %n 次写入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n write(s) planned.</source>
        <translation>
            <numerusform>计划 %n 次写入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n write(s) to cluster %1 as %2?</source>
        <translation>
            <numerusform>以 %2 身份向集群 %1 应用 %n 次写入？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n write(s)</source>
        <translation>
            <numerusform>%n 次写入</numerusform>
        </translation>
    </message>
    <message>
        <source>Writes (YAML)</source>
        <translation>写入 (YAML)</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Impact on permissions</source>
        <translation>对权限的影响</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>计划</translation>
    </message>
</context>
<context>
    <name>PlanImpact</name>
    <message>
        <source>The impact on permissions needs a connection to the cluster.</source>
        <translation>计算对权限的影响需要连接到集群。</translation>
    </message>
    <message>
        <source>Waiting for the cluster&apos;s roles and bindings…</source>
        <translation>正在等待集群的角色和绑定…</translation>
    </message>
    <message>
        <source>The impact on permissions cannot be computed: this identity cannot read %1.</source>
        <translation>无法计算对权限的影响：此身份无法读取 %1。</translation>
    </message>
    <message>
        <source>Computing who gains or loses what…</source>
        <translation>正在计算谁获得或失去了什么…</translation>
    </message>
    <message>
        <source>No permission changes: nobody gains or loses a verb.</source>
        <translation>权限无变化：没有人获得或失去任何动词。</translation>
    </message>
    <message>
        <source>%1 gains or loses permissions (%2 resources × scopes).</source>
        <translation>%1 获得或失去了权限（%2 个资源 × 范围）。</translation>
    </message>
    <message numerus="yes">
        <source>%n subject(s) gain or lose permissions (%1 resources × scopes).</source>
        <translation>
            <numerusform>%n 个主体获得或失去了权限（%1 个资源 × 范围）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanRunner</name>
    <message>
        <source>Not connected to the cluster.</source>
        <translation>未连接到集群。</translation>
    </message>
    <message>
        <source>There is no plan to run.</source>
        <translation>没有可运行的计划。</translation>
    </message>
    <message>
        <source>
The object changed after the change was applied (someone edited it since), so the undo does not overwrite it. Look at it as it is now and edit it instead.</source>
        <translation>
该对象在变更应用之后又被更改（之后有人编辑过），因此撤销不会覆盖它。请查看其当前状态并直接编辑。</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>New project in %1</source>
        <translation>在 %1 中新建项目</translation>
    </message>
    <message>
        <source>lower-case letters, digits and &apos;-&apos;, at most 63</source>
        <translation>小写字母、数字和“-”，最多 63 个字符</translation>
    </message>
    <message>
        <source>(no workspace)</source>
        <translation>（无企业空间）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>企业空间(&amp;W)：</translation>
    </message>
    <message>
        <source>A&amp;lias:</source>
        <translation>别名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>PropertyTableModel</name>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>the platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>the cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>workspace %1</source>
        <translation>企业空间 %1</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>项目 %1</translation>
    </message>
    <message>
        <source>Add members to %1</source>
        <translation>向 %1 添加成员</translation>
    </message>
    <message>
        <source>Change members&apos; role in %1</source>
        <translation>更改 %1 中成员的角色</translation>
    </message>
    <message>
        <source>Remove members from %1</source>
        <translation>从 %1 移除成员</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <source>only some pods or ports</source>
        <translation>仅部分容器组或端口</translation>
    </message>
    <message>
        <source>all pods, all ports</source>
        <translation>所有容器组、所有端口</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>企业空间 %1</translation>
    </message>
    <message>
        <source>
Workspace network isolation is on.</source>
        <translation>
企业空间网络隔离已开启。</translation>
    </message>
    <message>
        <source>
Outside the scope: only the projects an arrow needs are shown (%1 of %2).</source>
        <translation>
范围之外：只显示箭头所需的项目（%1 / %2）。</translation>
    </message>
    <message>
        <source>
Every project of the workspace may reach every other one (%1); those arrows are not drawn.</source>
        <translation>
企业空间的每个项目都可以访问其他所有项目 (%1)；这些箭头不绘制。</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / %2</translation>
    </message>
    <message>
        <source>no projects</source>
        <translation>无项目</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <source>⇄ reach each other (some)</source>
        <translation>⇄ 互相可达（部分）</translation>
    </message>
    <message>
        <source>⇄ reach each other</source>
        <translation>⇄ 互相可达</translation>
    </message>
    <message>
        <source>project network isolation on</source>
        <translation>项目网络隔离已开启</translation>
    </message>
    <message>
        <source>workspace network isolation on</source>
        <translation>企业空间网络隔离已开启</translation>
    </message>
    <message>
        <source>ingress open: no policy selects its pods for ingress</source>
        <translation>入站开放：没有策略为入站选择其容器组</translation>
    </message>
    <message>
        <source>ingress: a policy admits every namespace (%1)</source>
        <translation>入站：有策略允许所有命名空间 (%1)</translation>
    </message>
    <message>
        <source>ingress limited by policies</source>
        <translation>入站受策略限制</translation>
    </message>
    <message>
        <source>egress open: no policy selects its pods for egress</source>
        <translation>出站开放：没有策略为出站选择其容器组</translation>
    </message>
    <message>
        <source>egress: a policy lets it reach every namespace (%1)</source>
        <translation>出站：有策略允许其访问所有命名空间 (%1)</translation>
    </message>
    <message>
        <source>egress limited by policies</source>
        <translation>出站受策略限制</translation>
    </message>
    <message>
        <source>reaches every project (%1): those arrows are not drawn</source>
        <translation>可访问所有项目 (%1)：这些箭头不绘制</translation>
    </message>
    <message>
        <source>every project reaches it (%1): those arrows are not drawn</source>
        <translation>所有项目都可访问它 (%1)：这些箭头不绘制</translation>
    </message>
    <message numerus="yes">
        <source>%n NetworkPolicy(ies)</source>
        <translation>
            <numerusform>%n 个 NetworkPolicy</numerusform>
        </translation>
    </message>
    <message>
        <source>in: all projects</source>
        <translation>入：所有项目</translation>
    </message>
    <message>
        <source>in: open</source>
        <translation>入：开放</translation>
    </message>
    <message>
        <source>in: all ns</source>
        <translation>入：所有命名空间</translation>
    </message>
    <message>
        <source>in: limited</source>
        <translation>入：受限</translation>
    </message>
    <message>
        <source>out: all projects</source>
        <translation>出：所有项目</translation>
    </message>
    <message>
        <source>out: open</source>
        <translation>出：开放</translation>
    </message>
    <message>
        <source>out: all ns</source>
        <translation>出：所有命名空间</translation>
    </message>
    <message>
        <source>out: limited</source>
        <translation>出：受限</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source> (partly applied)</source>
        <translation>（部分应用）</translation>
    </message>
    <message>
        <source>Signed out of KubeSphere at %1 as %2.</source>
        <translation>已退出 %1 上 %2 的 KubeSphere 登录。</translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation>成功：%1</translation>
    </message>
    <message>
        <source> (groups: %1)</source>
        <translation>（组：%1）</translation>
    </message>
    <message>
        <source>some project pairs only for some pods or ports</source>
        <translation>部分项目对之间仅对部分容器组或端口开放</translation>
    </message>
    <message>
        <source>project isolation on</source>
        <translation>项目隔离已开启</translation>
    </message>
    <message>
        <source>workspace isolation on</source>
        <translation>企业空间隔离已开启</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Namespaces outside workspaces</source>
        <translation>不属于企业空间的命名空间</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 以及另外 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotaDialog</name>
    <message>
        <source>Quota of workspace %1</source>
        <translation>企业空间 %1 的配额</translation>
    </message>
    <message>
        <source>Quota of project %1</source>
        <translation>项目 %1 的配额</translation>
    </message>
    <message>
        <source>%1: projects hold %2 of %3</source>
        <translation>%1：项目占用了 %3 中的 %2</translation>
    </message>
    <message>
        <source>Workspace %1 quota — %2.</source>
        <translation>企业空间 %1 的配额 — %2。</translation>
    </message>
    <message>
        <source>The workspace quota limits the sum over all projects of workspace &lt;b&gt;%1&lt;/b&gt; (quota.kubesphere.io ResourceQuota %2). Rows you remove are removed from the quota.</source>
        <translation>企业空间配额限制企业空间 &lt;b&gt;%1&lt;/b&gt; 所有项目的总和（quota.kubesphere.io ResourceQuota %2）。删除的行将从配额中移除。</translation>
    </message>
    <message>
        <source>The hard limits of project &lt;b&gt;%1&lt;/b&gt; (ResourceQuota %2). Resources: requests/limits cpu and memory, pods, services, persistentvolumeclaims, requests.storage, count/&amp;lt;resource&amp;gt;.&amp;lt;group&amp;gt;, or any other quota resource name. Rows you remove are removed from the quota.</source>
        <translation>项目 &lt;b&gt;%1&lt;/b&gt; 的硬性限制（ResourceQuota %2）。资源：requests/limits 的 cpu 和 memory、pods、services、persistentvolumeclaims、requests.storage、count/&amp;lt;resource&amp;gt;.&amp;lt;group&amp;gt;，或任何其他配额资源名称。删除的行将从配额中移除。</translation>
    </message>
    <message>
        <source>Hard limits</source>
        <translation>硬性限制</translation>
    </message>
</context>
<context>
    <name>QuotaEditorModel</name>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Hard limit</source>
        <translation>硬性限制</translation>
    </message>
</context>
<context>
    <name>QuotaTableModel</name>
    <message>
        <source>Quota</source>
        <translation>配额</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Projects used</source>
        <translation>项目已用</translation>
    </message>
    <message>
        <source>Projects hard</source>
        <translation>项目上限</translation>
    </message>
    <message>
        <source>Allotted to projects</source>
        <translation>已分配给项目</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>over-used</source>
        <translation>超用</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>超出预算</translation>
    </message>
    <message>
        <source>%1% of %2 allotted to projects</source>
        <translation>%2 的 %1% 已分配给项目</translation>
    </message>
    <message>
        <source>, over budget</source>
        <translation>，超出预算</translation>
    </message>
    <message>
        <source>%1% of %2 used (%3 of %4)</source>
        <translation>%2 已用 %1%（%3 / %4）</translation>
    </message>
    <message>
        <source>, over-used</source>
        <translation>，超用</translation>
    </message>
</context>
<context>
    <name>RecentChangesModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>By</source>
        <translation>执行者</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>partly applied</source>
        <translation>部分应用</translation>
    </message>
    <message>
        <source>%1 (dry run)</source>
        <translation>%1（试运行）</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n write(s)</source>
        <translation>
            <numerusform>%1，%n 次写入</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RiskModel</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>授予</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Binding → role, rule</source>
        <translation>绑定 → 角色、规则</translation>
    </message>
</context>
<context>
    <name>RoleEditorChecks</name>
    <message>
        <source>Not connected to the cluster.</source>
        <translation>未连接到集群。</translation>
    </message>
</context>
<context>
    <name>RoleEditorDialog</name>
    <message>
        <source>platform role (GlobalRole)</source>
        <translation>平台角色 (GlobalRole)</translation>
    </message>
    <message>
        <source>cluster role</source>
        <translation>集群角色</translation>
    </message>
    <message>
        <source>workspace role of %1</source>
        <translation>%1 的企业空间角色</translation>
    </message>
    <message>
        <source>project role in %1</source>
        <translation>%1 中的项目角色</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>编辑%1 %2</translation>
    </message>
    <message>
        <source>Clone %1 %2</source>
        <translation>克隆%1 %2</translation>
    </message>
    <message>
        <source>A&amp;dd rule</source>
        <translation>添加规则(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>lower-case letters, digits, &apos;-&apos; and &apos;.&apos;</source>
        <translation>小写字母、数字、“-”和“.”</translation>
    </message>
    <message>
        <source>The role was not found in the cluster&apos;s data; its rules cannot be shown.</source>
        <translation>在集群数据中找不到该角色；无法显示其规则。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>A&amp;lias:</source>
        <translation>别名(&amp;L)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E)：</translation>
    </message>
    <message>
        <source>Selected rule</source>
        <translation>所选规则</translation>
    </message>
    <message>
        <source>No role templates are offered for this level in this cluster.</source>
        <translation>此集群中没有为此级别提供角色模板。</translation>
    </message>
    <message>
        <source>Role templates add their rules to the role (KubeSphere aggregates them). Selecting one also selects the templates it depends on.</source>
        <translation>角色模板会将其规则添加到角色中（由 KubeSphere 聚合）。选择一个模板时，也会选择它所依赖的模板。</translation>
    </message>
    <message>
        <source>The rules list as YAML. Edits here replace the rules when you leave the tab or plan.</source>
        <translation>以 YAML 表示的规则列表。在离开此选项卡或生成计划时，此处的编辑将替换规则。</translation>
    </message>
    <message>
        <source>Predicting the rules the aggregation controller gathers…</source>
        <translation>正在预测聚合控制器收集的规则…</translation>
    </message>
    <message>
        <source>The rules the role ends with once its templates are aggregated.</source>
        <translation>角色模板聚合后角色最终拥有的规则。</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Effective rules</source>
        <translation>有效规则</translation>
    </message>
    <message>
        <source>This ClusterRole aggregates the rules of the ClusterRoles matching %1; kube-controller-manager writes its rules.</source>
        <translation>此 ClusterRole 聚合与 %1 匹配的 ClusterRole 的规则；其规则由 kube-controller-manager 写入。</translation>
    </message>
    <message>
        <source>Also selected, because %1 depends on them: %2</source>
        <translation>也已选择，因为 %1 依赖它们：%2</translation>
    </message>
    <message numerus="yes">
        <source>Aggregated ClusterRole: kube-controller-manager gathers the rules of every ClusterRole matching %1. Predicted from %n role(s): %2.</source>
        <translation>
            <numerusform>聚合的 ClusterRole：kube-controller-manager 收集所有与 %1 匹配的 ClusterRole 的规则。根据 %n 个角色预测：%2。</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The role has no rules yet: Add rule, or pick templates.</source>
        <translation>该角色尚无规则：请添加规则或选择模板。</translation>
    </message>
    <message>
        <source>Select a rule to edit it.</source>
        <translation>选择一条规则进行编辑。</translation>
    </message>
    <message>
        <source>Rule %1 has fields this form cannot show (%2). It is kept exactly as written; edit it on the YAML tab.</source>
        <translation>规则 %1 含有此表单无法显示的字段 (%2)。它将按原样保留；请在 YAML 选项卡中编辑。</translation>
    </message>
    <message>
        <source>YAML tab, line %1: %2</source>
        <translation>YAML 选项卡，第 %1 行：%2</translation>
    </message>
    <message>
        <source>YAML tab: %1</source>
        <translation>YAML 选项卡：%1</translation>
    </message>
    <message>
        <source>YAML tab: the rules must be a list (a YAML sequence), not %1</source>
        <translation>YAML 选项卡：规则必须是列表（YAML 序列），而不是 %1</translation>
    </message>
    <message>
        <source>The role&apos;s own rules (no templates selected).</source>
        <translation>角色自身的规则（未选择模板）。</translation>
    </message>
    <message>
        <source>The role&apos;s own rules plus the template&apos;s rules not already covered, as KubeSphere aggregates them.</source>
        <translation>角色自身的规则加上模板中尚未涵盖的规则，与 KubeSphere 的聚合方式相同。</translation>
    </message>
    <message>
        <source>The effective rules cannot be composed: %1</source>
        <translation>无法组合出有效规则：%1</translation>
    </message>
    <message>
        <source>Cannot check for privilege escalation: %1</source>
        <translation>无法检查权限提升：%1</translation>
    </message>
    <message>
        <source>kube-apiserver will refuse this role as privilege escalation:</source>
        <translation>kube-apiserver 将以权限提升为由拒绝此角色：</translation>
    </message>
    <message>
        <source>%1 has no &lt;i&gt;escalate&lt;/i&gt; verb on %2, and does not hold these permissions the role grants</source>
        <translation>%1 在 %2 上没有 &lt;i&gt;escalate&lt;/i&gt; 动词，且不具备该角色所授予的以下权限</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>以及另外 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>(checked on %1)</source>
        <translation>（在 %1 上检查）</translation>
    </message>
    <message>
        <source>The server said its list of your rules may be incomplete.</source>
        <translation>服务器表示其列出的您的规则可能不完整。</translation>
    </message>
    <message>
        <source>depends on %1</source>
        <translation>依赖 %1</translation>
    </message>
    <message numerus="yes">
        <source>YAML tab: one list of rules expected, found %n document(s)</source>
        <translation>
            <numerusform>YAML 选项卡：应为一个规则列表，却发现了 %n 个文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The role&apos;s own rules plus the rules of %n template(s) not already covered, as KubeSphere aggregates them.</source>
        <translation>
            <numerusform>角色自身的规则加上 %n 个模板中尚未涵盖的规则，与 KubeSphere 的聚合方式相同。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n 条规则</numerusform>
        </translation>
    </message>
    <message>
        <source>Role templates</source>
        <translation>角色模板</translation>
    </message>
    <message>
        <source>Space ticks the current template</source>
        <translation>空格键勾选当前模板</translation>
    </message>
    <message>
        <source>Rules as YAML</source>
        <translation>以 YAML 表示的规则</translation>
    </message>
    <message>
        <source>Rules, templates, YAML and effective rules</source>
        <translation>规则、模板、YAML 和有效规则</translation>
    </message>
</context>
<context>
    <name>RoleRulesModel</name>
    <message>
        <source>written by the aggregation controller</source>
        <translation>由聚合控制器写入</translation>
    </message>
    <message>
        <source>kept as written: edit on the YAML tab</source>
        <translation>按原样保留：请在 YAML 选项卡中编辑</translation>
    </message>
    <message>
        <source>The rules of an aggregated ClusterRole are written by its controller.</source>
        <translation>聚合 ClusterRole 的规则由其控制器写入。</translation>
    </message>
    <message>
        <source>The form cannot show this rule (%1). It is kept exactly as written; edit it on the YAML tab.</source>
        <translation>表单无法显示此规则 (%1)。它将按原样保留；请在 YAML 选项卡中编辑。</translation>
    </message>
    <message>
        <source>Verbs</source>
        <translation>动词</translation>
    </message>
    <message>
        <source>API groups</source>
        <translation>API 组</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Resource names</source>
        <translation>资源名称</translation>
    </message>
    <message>
        <source>Non-resource URLs</source>
        <translation>非资源 URL</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RoleTableModel</name>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Bindings</source>
        <translation>绑定</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
</context>
<context>
    <name>RoleTemplateModel</name>
    <message>
        <source>%1 (needed by %2)</source>
        <translation>%1（%2 需要）</translation>
    </message>
    <message>
        <source>Depends on: %1</source>
        <translation>依赖：%1</translation>
    </message>
    <message>
        <source>Selected because %1 depends on it.</source>
        <translation>已选择，因为 %1 依赖它。</translation>
    </message>
    <message>
        <source>A basic template: KubeSphere&apos;s console adds it to every role it creates at this level (its overview menus come from it).</source>
        <translation>基础模板：KubeSphere 控制台在此级别创建的每个角色都会添加它（其概览菜单来自该模板）。</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n 条规则</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleEditorWidget</name>
    <message>
        <source>&amp;Resources</source>
        <translation>资源(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Non-resource URLs</source>
        <translation>非资源 URL(&amp;N)</translation>
    </message>
    <message>
        <source>other verbs, comma-separated</source>
        <translation>其他动词，以逗号分隔</translation>
    </message>
    <message>
        <source>&quot;&quot; for the core group, apps, *, …</source>
        <translation>&quot;&quot; 表示核心组，apps、*、…</translation>
    </message>
    <message>
        <source>pods, pods/log, deployments/scale, *, …</source>
        <translation>pods、pods/log、deployments/scale、*、…</translation>
    </message>
    <message>
        <source>empty: every object; else the names, comma-separated</source>
        <translation>留空：所有对象；否则填写名称，以逗号分隔</translation>
    </message>
    <message>
        <source>/healthz, /apis/*, …</source>
        <translation>/healthz、/apis/*、…</translation>
    </message>
    <message>
        <source>Only platform and cluster roles can grant non-resource URLs.</source>
        <translation>只有平台角色和集群角色可以授予非资源 URL。</translation>
    </message>
    <message>
        <source>* (all verbs)</source>
        <translation>*（所有动词）</translation>
    </message>
    <message>
        <source>Other:</source>
        <translation>其他：</translation>
    </message>
    <message>
        <source>API &amp;groups:</source>
        <translation>API 组(&amp;G)：</translation>
    </message>
    <message>
        <source>Re&amp;sources:</source>
        <translation>资源(&amp;S)：</translation>
    </message>
    <message>
        <source>Resource na&amp;mes:</source>
        <translation>资源名称(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;URLs:</source>
        <translation>&amp;URL：</translation>
    </message>
    <message>
        <source>Grants:</source>
        <translation>授予：</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>动词：</translation>
    </message>
    <message>
        <source>Other verbs</source>
        <translation>其他动词</translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <source>Verbs</source>
        <translation>动词</translation>
    </message>
    <message>
        <source>API groups</source>
        <translation>API 组</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Resource names</source>
        <translation>资源名称</translation>
    </message>
    <message>
        <source>Non-resource URLs</source>
        <translation>非资源 URL</translation>
    </message>
</context>
<context>
    <name>SessionStatus</name>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>TenancyActions</name>
    <message>
        <source>New &amp;workspace…</source>
        <translation>新建企业空间(&amp;W)…</translation>
    </message>
    <message>
        <source>New &amp;project…</source>
        <translation>新建项目(&amp;P)…</translation>
    </message>
    <message>
        <source>New &amp;user…</source>
        <translation>新建用户(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Edit workspace…</source>
        <translation>编辑企业空间(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete workspace…</source>
        <translation>删除企业空间(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Delete project…</source>
        <translation>删除项目(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Edit user…</source>
        <translation>编辑用户(&amp;E)…</translation>
    </message>
    <message>
        <source>E&amp;nable user…</source>
        <translation>启用用户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Delete user…</source>
        <translation>删除用户(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>重新连接(&amp;R)</translation>
    </message>
    <message>
        <source>Pin &amp;namespaces…</source>
        <translation>固定命名空间(&amp;N)…</translation>
    </message>
    <message>
        <source>Copy pat&amp;h</source>
        <translation>复制路径(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Edit project…</source>
        <translation>编辑项目(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Move project to workspace…</source>
        <translation>将项目移动到企业空间(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Add members…</source>
        <translation>添加成员(&amp;A)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve members…</source>
        <translation>移除成员(&amp;V)…</translation>
    </message>
    <message>
        <source>New &amp;role…</source>
        <translation>新建角色(&amp;R)…</translation>
    </message>
    <message>
        <source>Ed&amp;it role…</source>
        <translation>编辑角色(&amp;I)…</translation>
    </message>
    <message>
        <source>De&amp;lete role…</source>
        <translation>删除角色(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Change &amp;history…</source>
        <translation>变更历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Edit &amp;quota…</source>
        <translation>编辑配额(&amp;Q)…</translation>
    </message>
    <message>
        <source>Remove q&amp;uota…</source>
        <translation>删除配额(&amp;U)…</translation>
    </message>
    <message>
        <source>Isolate &amp;network</source>
        <translation>网络隔离(&amp;N)</translation>
    </message>
    <message>
        <source>Prepare for &amp;KubeSphere…</source>
        <translation>为 KubeSphere 做准备(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Finish hand-over to KubeSphere…</source>
        <translation>完成向 KubeSphere 的移交(&amp;F)…</translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation>未连接到 %1。</translation>
    </message>
    <message>
        <source>&amp;Undo %1…</source>
        <translation>撤销 %1(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Redo %1…</source>
        <translation>重做 %1(&amp;R)…</translation>
    </message>
    <message>
        <source>Plan the writes that put back what &quot;%1&quot; changed, for your confirmation</source>
        <translation>生成将“%1”所做更改恢复原状的写入计划，供您确认</translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot; again, for your confirmation</source>
        <translation>再次生成“%1”的计划，供您确认</translation>
    </message>
    <message>
        <source>Nothing applied from this window to undo on this cluster</source>
        <translation>在此集群上没有从此窗口应用过可撤销的变更</translation>
    </message>
    <message>
        <source>Nothing undone to redo on this cluster</source>
        <translation>在此集群上没有可重做的已撤销变更</translation>
    </message>
    <message>
        <source>Disa&amp;ble user…</source>
        <translation>禁用用户(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Copy name</source>
        <translation>复制名称(&amp;C)</translation>
    </message>
    <message>
        <source>Chan&amp;ge role of members…</source>
        <translation>更改成员角色(&amp;G)…</translation>
    </message>
    <message>
        <source>Cl&amp;one role…</source>
        <translation>克隆角色(&amp;O)…</translation>
    </message>
    <message>
        <source>Con&amp;tainer defaults…</source>
        <translation>容器默认值(&amp;T)…</translation>
    </message>
    <message>
        <source>New network polic&amp;y…</source>
        <translation>新建网络策略(&amp;Y)…</translation>
    </message>
    <message>
        <source>Edit net&amp;work policy…</source>
        <translation>编辑网络策略(&amp;W)…</translation>
    </message>
    <message>
        <source>Delete networ&amp;k policy…</source>
        <translation>删除网络策略(&amp;K)…</translation>
    </message>
    <message>
        <source>Remove stuck finali&amp;zers…</source>
        <translation>移除卡住的 finalizer(&amp;Z)…</translation>
    </message>
    <message>
        <source>Audit event&amp;s…</source>
        <translation>审计事件(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>TenancyNode</name>
    <message>
        <source>as %1</source>
        <translation>身份 %1</translation>
    </message>
    <message>
        <source>mode: %1</source>
        <translation>模式：%1</translation>
    </message>
    <message>
        <source>showing the last known state</source>
        <translation>显示最后已知的状态</translation>
    </message>
    <message>
        <source>limited view: may not list %1</source>
        <translation>受限视图：无权列出 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No project is reachable.&lt;/b&gt;&lt;br&gt;%1 may not list namespaces, and neither a rules review nor a pin names one it can use.&lt;br&gt;Press Enter (or double-click) to pin the namespaces you work in.</source>
        <translation>&lt;b&gt;没有可访问的项目。&lt;/b&gt;&lt;br&gt;%1 无权列出命名空间，而规则审查和固定的命名空间都没有指出它可使用的命名空间。&lt;br&gt;按 Enter（或双击）固定您工作所在的命名空间。</translation>
    </message>
    <message>
        <source>This identity may not list these objects; the list holds only what it can reach.</source>
        <translation>此身份无权列出这些对象；列表中只包含它能访问的内容。</translation>
    </message>
    <message>
        <source>being deleted</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>network isolated</source>
        <translation>已网络隔离</translation>
    </message>
    <message>
        <source>reachable (found by a rules review or pinned), not listable</source>
        <translation>可访问（由规则审查发现或已固定），但不可列出</translation>
    </message>
    <message>
        <source>No project reachable: Pin namespaces…</source>
        <translation>没有可访问的项目：固定命名空间…</translation>
    </message>
    <message>
        <source>no access</source>
        <translation>无访问权限</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Platform roles</source>
        <translation>平台角色</translation>
    </message>
    <message>
        <source>Cluster roles</source>
        <translation>集群角色</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>企业空间</translation>
    </message>
    <message>
        <source>Projects without workspace</source>
        <translation>不属于企业空间的项目</translation>
    </message>
    <message>
        <source>Reachable projects</source>
        <translation>可访问的项目</translation>
    </message>
    <message>
        <source>last known state, the cluster is not connected</source>
        <translation>最后已知的状态，集群未连接</translation>
    </message>
    <message>
        <source>showing the local cache of %1 until the cluster answers</source>
        <translation>在集群响应之前显示 %1 的本地缓存</translation>
    </message>
</context>
<context>
    <name>TenancyOutline</name>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n 条规则</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n binding(s)</source>
        <translation>
            <numerusform>%n 个绑定</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TenancyTreeModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>Not connected: the cluster has no client yet.</source>
        <translation>未连接：集群尚无客户端。</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>TraceWidget</name>
    <message>
        <source>me (the kubeconfig&apos;s identity), or a user to impersonate as kubectl --as does</source>
        <translation>me（kubeconfig 的身份），或要模拟的用户（同 kubectl --as）</translation>
    </message>
    <message>
        <source>groups to impersonate, comma-separated (--as-group)</source>
        <translation>要模拟的组，以逗号分隔 (--as-group)</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>身份(&amp;I)：</translation>
    </message>
    <message>
        <source>pods, deployments.apps, pods/log or /healthz</source>
        <translation>pods、deployments.apps、pods/log 或 /healthz</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>请求(&amp;R)：</translation>
    </message>
    <message>
        <source>object name (optional)</source>
        <translation>对象名称（可选）</translation>
    </message>
    <message>
        <source>&amp;Namespace / name:</source>
        <translation>命名空间 / 名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Kubernetes (kube-apiserver)</source>
        <translation>Kubernetes (kube-apiserver)</translation>
    </message>
    <message>
        <source>KubeSphere (ks-apiserver)</source>
        <translation>KubeSphere (ks-apiserver)</translation>
    </message>
    <message>
        <source>creating a pod: cpu=100m,memory=64Mi (else the LimitRange&apos;s defaults)</source>
        <translation>创建容器组时：cpu=100m,memory=64Mi（否则使用 LimitRange 的默认值）</translation>
    </message>
    <message>
        <source>&amp;View / pod requests:</source>
        <translation>视图 / 容器组请求(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Trace</source>
        <translation>跟踪(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>复制为文本(&amp;C)</translation>
    </message>
    <message>
        <source>Tracing…</source>
        <translation>正在跟踪…</translation>
    </message>
    <message>
        <source>Tenantry and the server disagree:
%1</source>
        <translation>Tenantry 与服务器的结论不一致：
%1</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Object name</source>
        <translation>对象名称</translation>
    </message>
    <message>
        <source>Pod requests</source>
        <translation>容器组请求</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <source>Stages of the request</source>
        <translation>请求的各个阶段</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>TraceWindow</name>
    <message>
        <source>Trace request — %1</source>
        <translation>跟踪请求 — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>TrafficGraph</name>
    <message>
        <source>ingress rule %1 of %2</source>
        <translation>%2 的第 %1 条入站规则</translation>
    </message>
    <message>
        <source>egress rule %1 of %2</source>
        <translation>%2 的第 %1 条出站规则</translation>
    </message>
    <message>
        <source>no traffic</source>
        <translation>无流量</translation>
    </message>
    <message>
        <source>some pods or ports</source>
        <translation>部分容器组或端口</translation>
    </message>
    <message>
        <source>all pods, all ports</source>
        <translation>所有容器组、所有端口</translation>
    </message>
</context>
<context>
    <name>TrafficGraphView</name>
    <message>
        <source>Allowed traffic graph</source>
        <translation>允许的流量图</translation>
    </message>
    <message>
        <source>Tab moves between projects, Enter selects one, +/- zoom, 0 fits the graph</source>
        <translation>Tab 在项目之间移动，Enter 选择项目，+/- 缩放，0 适应窗口</translation>
    </message>
    <message>
        <source>%1 → %2: %3. Click for the rules.</source>
        <translation>%1 → %2：%3。点击查看规则。</translation>
    </message>
    <message numerus="yes">
        <source>Every project of %1 may reach every project of %2 (%n pair(s), %3). Click for the rules.</source>
        <translation>
            <numerusform>%1 的每个项目都可以访问 %2 的每个项目（%n 对，%3）。点击查看规则。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrafficGraphWidget</name>
    <message>
        <source>Namespaces &amp;outside workspaces</source>
        <translation>企业空间之外的命名空间(&amp;O)</translation>
    </message>
    <message>
        <source>Show in the &amp;tree</source>
        <translation>在树中显示(&amp;T)</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>All workspaces</source>
        <translation>所有企业空间</translation>
    </message>
    <message>
        <source>Show every namespace outside workspaces (kube-system…), not only those an arrow needs</source>
        <translation>显示企业空间之外的所有命名空间（kube-system…），而不仅是箭头所需的那些</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>放大（+，Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out (-, Ctrl+wheel)</source>
        <translation>缩小（-，Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the graph in the window (0)</source>
        <translation>使关系图适应窗口 (0)</translation>
    </message>
    <message>
        <source>Selection details</source>
        <translation>所选内容详情</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>范围(&amp;S)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Legend&lt;/b&gt;</source>
        <translation>&lt;b&gt;图例&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n arrow(s)</source>
        <translation>
            <numerusform>%n 个箭头</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;NetworkPolicies could not be read&lt;/b&gt; (not listed yet, or you may not list them): the graph cannot say what is allowed.</source>
        <translation>&lt;b&gt;无法读取 NetworkPolicy&lt;/b&gt;（尚未列出，或您无权列出）：关系图无法说明允许哪些流量。</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more warning(s).</source>
        <translation>
            <numerusform>…还有 %n 条警告。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Click an arrow to see the policies and rules that allow it, or a project to see what may reach it and what it may reach.&lt;/p&gt;&lt;p&gt;Tab moves through the projects, Enter selects one; Ctrl+wheel or +/- zoom, 0 fits.&lt;/p&gt;</source>
        <translation>&lt;p&gt;点击箭头可查看允许该流量的策略和规则，点击项目可查看哪些项目可以访问它以及它可以访问哪些项目。&lt;/p&gt;&lt;p&gt;Tab 在项目之间移动，Enter 选择项目；Ctrl+滚轮或 +/- 缩放，0 适应窗口。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Outside any workspace</source>
        <translation>不属于任何企业空间</translation>
    </message>
    <message>
        <source>Workspace &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>企业空间 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · network isolation: %1</source>
        <translation> · 网络隔离：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n NetworkPolicy(ies)</source>
        <translation>
            <numerusform>%n 个 NetworkPolicy</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Its pods among themselves: %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;其容器组之间：%1。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message numerus="yes">
        <source>&lt;li&gt;…and %n more&lt;/li&gt;</source>
        <translation>
            <numerusform>&lt;li&gt;…还有 %n 个&lt;/li&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h4&gt;May be reached from&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;可被以下访问&lt;/h4&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;No policy selects its pods for ingress: every namespace whose egress is open reaches it (%n namespace(s), not drawn).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;没有策略为入站选择其容器组：所有出站开放的命名空间都可以访问它（%n 个命名空间，未绘制）。&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;And, by rules:&lt;/p&gt;</source>
        <translation>&lt;p&gt;此外，依据规则：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No other namespace: its ingress policies admit none.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有其他命名空间：其入站策略不允许任何命名空间。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;May reach&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;可以访问&lt;/h4&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;No policy selects its pods for egress: it reaches every namespace whose ingress is open (%n namespace(s), not drawn).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;没有策略为出站选择其容器组：它可以访问所有入站开放的命名空间（%n 个命名空间，未绘制）。&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;No other namespace: its egress policies allow none.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有其他命名空间：其出站策略不允许任何命名空间。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;NetworkPolicies in %1&lt;/h4&gt;&lt;ul&gt;</source>
        <translation>&lt;h4&gt;%1 中的 NetworkPolicy&lt;/h4&gt;&lt;ul&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Every project of workspace &lt;b&gt;%1&lt;/b&gt; may reach every project of workspace &lt;b&gt;%2&lt;/b&gt; (%n pair(s)): %3.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;企业空间 &lt;b&gt;%1&lt;/b&gt; 的每个项目都可以访问企业空间 &lt;b&gt;%2&lt;/b&gt; 的每个项目（%n 对）：%3。&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Allowed: &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;允许：&lt;b&gt;%1&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Egress at the source&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;源端的出站&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Egress at %1&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;%1 的出站&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No policy selects the source&apos;s pods for egress: all egress is allowed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有策略为出站选择源端的容器组：允许所有出站流量。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Its egress policies allow none of it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;其出站策略不允许其中任何流量。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Allowed by:&lt;/p&gt;</source>
        <translation>&lt;p&gt;允许依据：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Ingress at the destination&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;目标端的入站&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Ingress at %1&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;%1 的入站&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No policy selects the destination&apos;s pods for ingress: all ingress is allowed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有策略为入站选择目标端的容器组：允许所有入站流量。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Its ingress policies admit none of it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;其入站策略不允许其中任何流量。&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n restricted flow(s) as marks</source>
        <translation>
            <numerusform>%n 条受限流量中的 %1 条以标记显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n namespace(s)</source>
        <translation>
            <numerusform>%n 个命名空间</numerusform>
        </translation>
    </message>
    <message>
        <source>; flows computed in %1 ms, laid out in %2 ms</source>
        <translation>；流量计算耗时 %1 毫秒，布局耗时 %2 毫秒</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Cancel computing the traffic graph</source>
        <translation>取消计算流量图</translation>
    </message>
    <message>
        <source>Compute again</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>The graph shown is from before the cancel: compute it for the current state</source>
        <translation>显示的图来自取消之前：按当前状态重新计算</translation>
    </message>
    <message>
        <source>Cancelled: the graph shown is from before</source>
        <translation>已取消：显示的图来自之前</translation>
    </message>
    <message>
        <source>Cancelled: nothing computed yet</source>
        <translation>已取消：尚未计算任何内容</translation>
    </message>
</context>
<context>
    <name>TrafficLegend</name>
    <message>
        <source>A policy allows it: all pods, all ports</source>
        <translation>有策略允许：所有容器组、所有端口</translation>
    </message>
    <message>
        <source>Allowed for only some pods or ports</source>
        <translation>仅对部分容器组或端口允许</translation>
    </message>
    <message>
        <source>Every project of one workspace reaches every project of the other</source>
        <translation>一个企业空间的每个项目都可访问另一个企业空间的每个项目</translation>
    </message>
    <message>
        <source>Every project of the workspace reaches every other one</source>
        <translation>企业空间的每个项目都可访问其他所有项目</translation>
    </message>
    <message>
        <source>No policy selects its pods for ingress (out: egress): every namespace open on the other side passes, without an arrow</source>
        <translation>没有策略为入站选择其容器组（出：出站）：另一侧开放的所有命名空间均可通过，不绘制箭头</translation>
    </message>
    <message>
        <source>A policy admits every namespace: those arrows are not drawn</source>
        <translation>有策略允许所有命名空间：这些箭头不绘制</translation>
    </message>
    <message>
        <source>It reaches every project (in: every project reaches it): those arrows are not drawn</source>
        <translation>它可以访问所有项目（入：所有项目都可访问它）：这些箭头不绘制</translation>
    </message>
    <message>
        <source>Policies decide: the arrows are all it allows</source>
        <translation>由策略决定：箭头即为其允许的全部流量</translation>
    </message>
    <message>
        <source>Network isolation on (filled: the project&apos;s, outline: its workspace&apos;s)</source>
        <translation>网络隔离已开启（实心：项目的，空心：其企业空间的）</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>No arrow between projects whose sides are limited: no traffic.</source>
        <translation>两侧都受限的项目之间没有箭头：无流量。</translation>
    </message>
    <message>
        <source>What the policies allow, as the API defines them; the cluster&apos;s network plugin enforces them.</source>
        <translation>依据 API 定义的策略所允许的流量；由集群的网络插件实施。</translation>
    </message>
    <message>
        <source>⇄ reach each other</source>
        <translation>⇄ 互相可达</translation>
    </message>
    <message>
        <source>in: open</source>
        <translation>入：开放</translation>
    </message>
    <message>
        <source>in: all ns</source>
        <translation>入：所有命名空间</translation>
    </message>
    <message>
        <source>out: all projects</source>
        <translation>出：所有项目</translation>
    </message>
    <message>
        <source>in: limited</source>
        <translation>入：受限</translation>
    </message>
</context>
<context>
    <name>TrafficWindow</name>
    <message>
        <source>Allowed traffic — %1</source>
        <translation>允许的流量 — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Follow the &amp;tree selection</source>
        <translation>跟随树中的选择(&amp;T)</translation>
    </message>
    <message>
        <source>Selecting a workspace in the tree limits the graph to it; a project is selected</source>
        <translation>在树中选择企业空间会将关系图限于该企业空间；选择项目则会选中该项目</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>编辑用户 %1</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>8 to 64 characters: a lower-case letter, an upper-case letter and a digit</source>
        <translation>8 到 64 个字符：包含小写字母、大写字母和数字</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>电子邮件(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;onfirm password:</source>
        <translation>确认密码(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>Descr&amp;iption:</source>
        <translation>描述(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Platform &amp;role:</source>
        <translation>平台角色(&amp;R)：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>UserPickerModel</name>
    <message>
        <source>%1 (user deleted)</source>
        <translation>%1（用户已删除）</translation>
    </message>
    <message>
        <source>%1 is already a member (%2)</source>
        <translation>%1 已是成员 (%2)</translation>
    </message>
    <message>
        <source>The user %1 no longer exists; the binding remains</source>
        <translation>用户 %1 已不存在；绑定仍然保留</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Already a member as</source>
        <translation>已是成员，角色为</translation>
    </message>
    <message>
        <source>Current role</source>
        <translation>当前角色</translation>
    </message>
</context>
<context>
    <name>WhoCanModel</name>
    <message>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Binding → role</source>
        <translation>绑定 → 角色</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Known members</source>
        <translation>已知成员</translation>
    </message>
    <message>
        <source>A system: subject (Kubernetes&apos; own identities and groups)</source>
        <translation>system: 主体（Kubernetes 自身的身份和组）</translation>
    </message>
    <message>
        <source> [system]</source>
        <translation> [system]</translation>
    </message>
</context>
<context>
    <name>WorkspaceDialog</name>
    <message>
        <source>New workspace</source>
        <translation>新建企业空间</translation>
    </message>
    <message>
        <source>Edit workspace %1</source>
        <translation>编辑企业空间 %1</translation>
    </message>
    <message>
        <source>Isolate the workspace&apos;s network</source>
        <translation>隔离企业空间的网络</translation>
    </message>
    <message>
        <source>lower-case letters, digits and &apos;-&apos;, at most 63</source>
        <translation>小写字母、数字和“-”，最多 63 个字符</translation>
    </message>
    <message>
        <source>Orphan projects (default)</source>
        <translation>孤立项目（默认）</translation>
    </message>
    <message>
        <source>Orphan projects</source>
        <translation>孤立项目</translation>
    </message>
    <message>
        <source>Delete projects (foreground)</source>
        <translation>删除项目（前台）</translation>
    </message>
    <message>
        <source>Delete projects (background)</source>
        <translation>删除项目（后台）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>A&amp;lias:</source>
        <translation>别名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Manager:</source>
        <translation>管理员(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Clusters:</source>
        <translation>集群(&amp;C)：</translation>
    </message>
    <message>
        <source>When &amp;deleted:</source>
        <translation>删除时(&amp;D)：</translation>
    </message>
</context>
</TS>
