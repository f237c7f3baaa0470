{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/ducha/">督查督办</a> › {{TITLE}}</nav>
<h1>{{TITLE}}</h1>
<p class="muted">{{PLACE}} · {{YEAR}}年 · 共 {{TOTAL}} 项任务{{#UNIT}}（本单位 {{COUNT}} 项）{{/UNIT}} · 按 {{TODAY}} 计算序时进度：完成比例落后时间进度超过 {{YELLOW}} 个百分点亮黄灯，超过 {{RED}} 个百分点或逾期未完成亮红灯。</p>
<p class="lights"><span class="light green">绿灯 {{GREEN}}</span> <span class="light yellow">黄灯 {{YELLOW_COUNT}}</span> <span class="light red">红灯 {{RED_COUNT}}</span> <span class="light none">已销号 {{CLOSED}}</span> · 督办单 {{NOTICES}} 份，逾期未回复 {{OVERDUE_NOTICES}} 份</p>
<p class="downloads">下载：<a href="{{URL}}/xiazai?sheet=ledger&amp;format=xlsx">任务台账（.xlsx）</a> · <a href="{{URL}}/xiazai?sheet=ledger&amp;format=csv">任务台账（.csv）</a> · <a href="{{URL}}/xiazai?sheet=year_end&amp;format=xlsx">目标完成对照表（.xlsx）</a> · <a href="{{URL}}/dayin">打印</a></p>
<form method="get" action="{{URL}}" class="filters-form">
<div class="row">
<label>分组<select name="group">{{#GROUP}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/GROUP}}</select></label>
<label>进度灯<select name="light">{{#LIGHT_OPTION}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LIGHT_OPTION}}</select></label>
<label>牵头单位<select name="unit">{{#UNIT_OPTION}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select></label>
<label>关键词<input name="q" value="{{Q}}" maxlength="50"></label>
<button type="submit">筛选</button>
</div>
</form>
{{#RANKING}}<h2>单位序时进度排名（落后在前）</h2>
<div class="table-scroll"><table class="data"><thead><tr><th>排名</th><th>牵头单位</th><th>在办任务</th><th>绿灯</th><th>黄灯</th><th>红灯</th><th>已销号</th><th>按序时推进</th></tr></thead>
<tbody>{{#STANDING}}<tr><td class="num">{{RANK}}</td><td><a href="{{UNIT_URL}}">{{UNIT}}</a></td><td class="num">{{TASKS}}</td><td class="num">{{GREEN}}</td><td class="num">{{YELLOW}}</td><td class="num">{{RED}}</td><td class="num">{{CLOSED}}</td><td class="num">{{ON_PACE}}%</td></tr>{{/STANDING}}</tbody></table></div>{{/RANKING}}
<h2>任务（{{SHOWN}} 项）</h2>
{{#NONE}}<p>没有符合条件的任务。</p>{{/NONE}}
{{#HEADING}}<h3>{{LABEL}}（{{COUNT}} 项）</h3>
<div class="table-scroll"><table class="data ducha"><thead><tr><th>序号</th><th>任务</th><th>目标</th><th>截止</th><th>牵头单位</th><th>状态</th><th>完成</th><th>序时进度</th></tr></thead>
<tbody>{{#ROW}}<tr><td data-label="序号">{{NUMBER}}</td><td class="task"><a href="{{TASK_URL}}">{{TEXT}}</a></td><td data-label="目标">{{TARGET}}</td><td data-label="截止">{{DUE}}</td><td data-label="牵头单位">{{LEAD}}</td><td data-label="状态">{{STATUS}}</td><td class="num" data-label="完成">{{DONE}}</td><td data-label="序时进度">{{#LIGHT}}<span class="light {{KEY}}">{{LABEL}}</span> {{/LIGHT}}{{PACE}}</td></tr>{{/ROW}}</tbody></table></div>{{/HEADING}}
{{>PAGER}}
{{#MANAGE}}<h2>批量分配</h2>
<form method="post" action="{{URL}}/fenpei" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="muted">符合全部条件的在办任务将分配给所填单位（空条件不限制）。</p>
<div class="row"><label>章节含<input name="section" maxlength="100"></label><label>领域<input name="topic" maxlength="20"></label><label>任务含<input name="keyword" maxlength="50"></label></div>
<div class="row"><label>牵头单位<input name="lead" list="units" maxlength="64" required></label><label>配合单位<input name="co" maxlength="300" placeholder="多个用顿号分隔"></label><label>责任领导<input name="leader" maxlength="32"></label></div>
<button type="submit">分配</button>
</form>
<datalist id="units">{{#UNIT_NAME}}<option value="{{NAME}}">{{/UNIT_NAME}}</datalist>
<h2>新增任务</h2>
<form method="post" action="{{URL}}/renwu" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>任务内容<textarea name="text" rows="2" maxlength="1000" required></textarea></label>
<div class="row"><label>指标<input name="indicator" maxlength="50"></label><label>目标值<input name="value" inputmode="decimal" maxlength="20"></label><label>单位<input name="unit" maxlength="10"></label><label>截止日期<input name="due" type="date"></label></div>
<button type="submit">新增</button>
</form>{{/MANAGE}}
{{>FOOT}}
