{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/">首页</a>{{#CRUMB}} › <a href="{{URL}}">{{NAME}}</a>{{/CRUMB}}</nav>
<h1>{{HEADING}}</h1>
<p class="muted">共 {{TOTAL}} 篇{{#YEARS}} · {{YEARS}}{{/YEARS}}{{#SCORECARD}} · <a href="{{URL}}">目标跟踪（完成情况）</a>{{/SCORECARD}}</p>
{{#PLACES}}<section class="places"><h2>{{PLACES_HEADING}}</h2><ul class="chips">{{#PLACE}}<li><a href="{{URL}}">{{NAME}}</a><small>{{COUNT}}</small></li>{{/PLACE}}</ul></section>{{/PLACES}}
<p class="filters">类型：{{#TYPE}}<a class="chip{{#ACTIVE}} active{{/ACTIVE}}" href="{{URL}}">{{NAME}}</a>{{/TYPE}}</p>
{{#YEAR}}<section class="year"><h2>{{YEAR}}年</h2><ul class="doc-list">{{#DOC}}<li><a href="{{URL}}">{{TITLE}}</a><span class="meta">{{PLACE}} · {{TYPE}}{{#DATE}} · {{DATE}}{{/DATE}} · 目标 {{TARGETS}} 条{{#COMMENTS}} · 评论 {{COMMENTS}}{{/COMMENTS}}</span></li>{{/DOC}}</ul></section>{{/YEAR}}
{{#EMPTY}}<p class="muted">暂无报告。</p>{{/EMPTY}}
{{>PAGER}}
{{>FOOT}}
