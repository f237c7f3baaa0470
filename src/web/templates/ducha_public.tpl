{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/ducha/">督查督办</a> › 公开台账</nav>
<h1>{{TITLE}}</h1>
<p class="muted">{{PLACE}} · {{YEAR}}年 · 共 {{SHOWN}} 项任务 · 按 {{TODAY}} 计算序时进度。本页由{{PLACE}}公开，只显示任务、牵头单位、完成比例和进度灯。</p>
<p class="lights"><span class="light green">绿灯 {{GREEN}}</span> <span class="light yellow">黄灯 {{YELLOW_COUNT}}</span> <span class="light red">红灯 {{RED_COUNT}}</span> <span class="light none">已销号 {{CLOSED}}</span></p>
<div class="table-scroll"><table class="data ducha"><thead><tr><th>序号</th><th>任务</th><th>目标</th><th>截止</th><th>牵头单位</th><th>状态</th><th>完成</th><th>序时进度</th></tr></thead>
<tbody>{{#ROW}}<tr><td data-label="序号">{{NUMBER}}</td><td class="task">{{TEXT}}</td><td data-label="目标">{{TARGET}}</td><td data-label="截止">{{DUE}}</td><td data-label="牵头单位">{{LEAD}}</td><td data-label="状态">{{STATUS}}</td><td class="num" data-label="完成">{{DONE}}</td><td data-label="序时进度">{{#LIGHT}}<span class="light {{KEY}}">{{LABEL}}</span> {{/LIGHT}}{{PACE}}</td></tr>{{/ROW}}</tbody></table></div>
{{>PAGER}}
{{>FOOT}}
