{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}}</title>
<link rel="stylesheet" href="/static/site.css">
</head>
<body class="print">
<h1>{{TITLE}}</h1>
<p>{{PLACE}} · {{YEAR}}年 · 按 {{TODAY}} 计算序时进度 · 共 {{SHOWN}} 项任务</p>
<table class="data ducha"><thead><tr><th>序号</th><th>任务内容</th><th>目标</th><th>完成时限</th><th>牵头单位</th><th>配合单位</th><th>状态</th><th>完成</th><th>序时进度</th><th>完成情况</th></tr></thead>
<tbody>{{#ROW}}<tr><td>{{NUMBER}}</td><td>{{TEXT}}</td><td>{{TARGET}}</td><td>{{DUE}}</td><td>{{LEAD}}</td><td>{{CO}}</td><td>{{STATUS}}</td><td>{{DONE}}</td><td>{{#LIGHT}}{{LABEL}} {{/LIGHT}}{{PACE}}</td><td>{{NOTE}}</td></tr>{{/ROW}}</tbody></table>
</body>
</html>
