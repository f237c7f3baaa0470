{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/ducha/">督查督办</a> › <a href="{{LEDGER_URL}}">{{LEDGER_TITLE}}</a> › 第{{NUMBER}}项</nav>
<h1>第{{NUMBER}}项：{{TEXT}}</h1>
{{#FLASH}}<p class="notice">{{MESSAGE}}</p>{{/FLASH}}
{{#ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<dl class="meta">
<dt>状态</dt><dd>{{STATUS}}</dd>
<dt>序时进度</dt><dd>{{#LIGHT}}<span class="light {{KEY}}">{{LABEL}}</span> {{/LIGHT}}{{PACE}}</dd>
{{#INDICATOR}}<dt>指标</dt><dd>{{TEXT}}</dd>{{/INDICATOR}}
{{#TARGET}}<dt>目标</dt><dd>{{TEXT}}</dd>{{/TARGET}}
<dt>完成时限</dt><dd>{{DEADLINE}}（截止 {{DUE}}）</dd>
{{#TOPIC}}<dt>领域</dt><dd>{{TEXT}}</dd>{{/TOPIC}}
{{#SECTION}}<dt>报告章节</dt><dd>{{TEXT}}</dd>{{/SECTION}}
<dt>牵头单位</dt><dd>{{LEAD}}</dd>
<dt>配合单位</dt><dd>{{CO}}</dd>
<dt>责任领导</dt><dd>{{LEADER}}</dd>
{{#PARENT}}<dt>分解自</dt><dd><a href="{{URL}}">第{{NUMBER}}项</a></dd>{{/PARENT}}
{{#SOURCE}}<dt>来源</dt><dd><a href="{{URL}}">报告原文</a></dd>{{/SOURCE}}
</dl>
{{#REPORT}}<h2>填报进展</h2>
<form method="post" action="{{TASK_URL}}/jinzhan" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="row"><label>截至日期<input name="date" type="date" value="{{TODAY}}" required></label><label>完成值{{#UNIT}}（{{TEXT}}）{{/UNIT}}<input name="value" inputmode="decimal" maxlength="20"></label><label>完成比例（%）<input name="share" inputmode="decimal" maxlength="10"></label></div>
<label>完成情况<textarea name="done" rows="2" maxlength="2000"></textarea></label>
<label>存在问题<textarea name="problems" rows="2" maxlength="2000"></textarea></label>
<label>下步打算<textarea name="next" rows="2" maxlength="2000"></textarea></label>
<button type="submit">提交进展</button>
</form>{{/REPORT}}
<h2>进展记录</h2>
{{#NO_PROGRESS}}<p>还没有填报进展。</p>{{/NO_PROGRESS}}
{{#HAS_PROGRESS}}<div class="table-scroll"><table class="data ducha"><thead><tr><th>截至</th><th>完成值</th><th>完成比例</th><th>完成情况</th><th>存在问题</th><th>下步打算</th><th>填报人</th></tr></thead>
<tbody>{{#PROGRESS}}<tr><td class="task">{{DATE}}</td><td class="num" data-label="完成值">{{VALUE}}</td><td class="num" data-label="完成比例">{{SHARE}}</td><td data-label="完成情况">{{DONE}}</td><td data-label="存在问题">{{PROBLEMS}}</td><td data-label="下步打算">{{NEXT}}</td><td data-label="填报人">{{AUTHOR}}</td></tr>{{/PROGRESS}}</tbody></table></div>{{/HAS_PROGRESS}}
<h2>节点目标</h2>
{{#NO_MILESTONE}}<p class="muted">未设节点目标：序时进度按时间平均计算。</p>{{/NO_MILESTONE}}
{{#HAS_MILESTONE}}<div class="table-scroll"><table class="data ducha"><thead><tr><th>节点日期</th><th>应完成</th><th>形象进度</th><th>设定人</th></tr></thead>
<tbody>{{#MILESTONE}}<tr><td class="task">{{DATE}}</td><td class="num" data-label="应完成">{{PLAN}}</td><td data-label="形象进度">{{STEP}}</td><td data-label="设定人">{{BY}}</td></tr>{{/MILESTONE}}</tbody></table></div>{{/HAS_MILESTONE}}
{{#MILESTONE_FORM}}<form method="post" action="{{TASK_URL}}/jiedian" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="row"><label>节点日期<input name="date" type="date" required></label><label>应完成数值{{#UNIT}}（{{TEXT}}）{{/UNIT}}<input name="value" inputmode="decimal" maxlength="20"></label><label>或完成比例（%）<input name="share" inputmode="decimal" maxlength="10"></label></div>
<label>形象进度<input name="step" maxlength="200" placeholder="如：完成招标、开工建设"></label>
<button type="submit">设定节点目标</button>
<p class="muted">同一日期再次设定将取代原节点目标（原记录保留在办理记录中）。</p>
</form>{{/MILESTONE_FORM}}
<h2>督办单</h2>
{{#NO_NOTICE}}<p>没有督办单。</p>{{/NO_NOTICE}}
{{#NOTICE}}<section class="notice-card" id="duban{{ID}}">
<p><b>督办事项：</b>{{REASON}}</p>
<p class="muted">{{ISSUED_BY}} 于 {{ISSUED_AT}} 下发，反馈时限 {{REPLY_BY}}</p>
{{#OVERDUE}}<p class="error">已超过反馈时限，牵头单位尚未回复。</p>{{/OVERDUE}}
{{#REPLY}}<p><b>单位回复：</b>{{TEXT}}</p><p class="muted">{{BY}} 于 {{AT}}</p>{{/REPLY}}
{{#REPLY_FORM}}<form method="post" action="/ducha/duban/{{ID}}/huifu" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>回复<textarea name="reply" rows="2" maxlength="2000" required></textarea></label>
<button type="submit">提交回复</button>
</form>{{/REPLY_FORM}}
</section>{{/NOTICE}}
{{#STATUS_FORM}}<h2>{{HEADING}}</h2>
<form method="post" action="{{TASK_URL}}/zhuangtai" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{#CHECK}}<label>核验方式（销号时必选）<select name="check"><option value="">请选择</option>{{#METHOD}}<option value="{{KEY}}">{{LABEL}}</option>{{/METHOD}}</select></label>{{/CHECK}}
<label>{{NOTE_LABEL}}<textarea name="note" rows="2" maxlength="1000" required></textarea></label>
{{#CHOICE}}<button type="submit" name="to" value="{{KEY}}"{{#DANGER}} class="danger"{{/DANGER}}>{{LABEL}}</button> {{/CHOICE}}
</form>{{/STATUS_FORM}}
{{#MANAGE}}<h2>分配</h2>
<form method="post" action="{{TASK_URL}}/fenpei" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="row"><label>牵头单位<input name="lead" value="{{LEAD}}" list="units" maxlength="64"></label><label>配合单位<input name="co" value="{{CO}}" maxlength="300"></label><label>责任领导<input name="leader" value="{{LEADER}}" maxlength="32"></label></div>
<button type="submit">保存</button>
</form>
<datalist id="units">{{#UNIT_NAME}}<option value="{{NAME}}">{{/UNIT_NAME}}</datalist>
{{#OPEN}}<h2>下发督办单</h2>
<form method="post" action="{{TASK_URL}}/duban" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>督办事项<textarea name="reason" rows="2" maxlength="1000" required>{{REASON}}</textarea></label>
<label>反馈时限<input name="reply_by" type="date" value="{{REPLY_BY}}" required></label>
<button type="submit">下发</button>
</form>
<h2>分解为子任务</h2>
<form method="post" action="{{TASK_URL}}/chaifen" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>子任务内容<textarea name="text" rows="2" maxlength="1000" required></textarea></label>
<div class="row"><label>牵头单位<input name="lead" list="units" maxlength="64"></label><label>截止日期<input name="due" type="date"></label></div>
<button type="submit">分解</button>
</form>{{/OPEN}}{{/MANAGE}}
<h2>办理记录</h2>
<ol class="history">{{#EVENT}}<li><time>{{AT}}</time> <b>{{ACTOR}}</b> {{ACTION}}{{#DETAIL}}：{{TEXT}}{{/DETAIL}}</li>{{/EVENT}}</ol>
{{>FOOT}}
