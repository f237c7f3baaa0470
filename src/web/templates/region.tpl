{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/">首页</a>{{#CRUMB}} › {{#LINK}}<a href="{{URL}}">{{NAME}}</a>{{/LINK}}{{#HERE}}<span aria-current="page">{{NAME}}</span>{{/HERE}}{{/CRUMB}}</nav>
<h1>{{HEADING}}</h1>
<p class="muted">共 {{TOTAL}} 篇{{#YEARS}} · {{YEARS}}{{/YEARS}}{{#SCORECARD}} · <a href="{{URL}}">目标跟踪（完成情况）</a>{{/SCORECARD}}</p>
{{#PLACES}}<section class="places"><h2>{{#HEADING_LINK}}<a href="{{URL}}">{{/HEADING_LINK}}{{PLACES_HEADING}}{{#HEADING_LINK}}</a>{{/HEADING_LINK}}{{#SUMMARY}} <small>{{SUMMARY}}</small>{{/SUMMARY}}</h2><ul class="chips">{{#PLACE}}<li{{#NONE}} class="none"{{/NONE}}>{{#LINK}}<a href="{{URL}}">{{NAME}}</a><small>{{COUNT}} 篇</small>{{/LINK}}{{#NONE}}{{NAME}}<small>暂未收录</small>{{/NONE}}</li>{{/PLACE}}</ul></section>{{/PLACES}}
{{#FILTERS}}<p class="filters">类型：{{#TYPE}}<a class="chip{{#ACTIVE}} active{{/ACTIVE}}" href="{{URL}}">{{NAME}}</a>{{/TYPE}}</p>{{/FILTERS}}
{{#YEAR}}<section class="year"><h2>{{YEAR}}年</h2><ul class="doc-list">{{#DOC}}<li><a href="{{URL}}">{{TITLE}}</a><span class="meta">{{PLACE}} · {{TYPE}}{{#DATE}} · {{DATE}}{{/DATE}} · 目标 {{TARGETS}} 条{{#COMMENTS}} · 评论 {{COMMENTS}}{{/COMMENTS}}</span></li>{{/DOC}}</ul></section>{{/YEAR}}
{{#EMPTY}}<p class="muted">暂无报告。</p>{{/EMPTY}}
{{>PAGER}}
{{>FOOT}}
