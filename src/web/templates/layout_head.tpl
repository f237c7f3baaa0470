{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} - 目标 · 政府工作报告库</title>
<meta name="description" content="把各级政府工作报告整理成可检索的公开档案，逐条提取量化目标，并与次年报告和统计公报对照跟踪。">
<meta property="og:site_name" content="目标 · 政府工作报告库">
<meta property="og:title" content="{{TITLE}}">
<meta property="og:type" content="website">
<meta property="og:description" content="把各级政府工作报告整理成可检索的公开档案，逐条提取量化目标，并与次年报告和统计公报对照跟踪。">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="新收录的报告" href="/feed.atom">
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<header class="site">
<div class="wrap bar">
<a class="brand" href="/">目标<span>政府工作报告与目标库</span></a>
<nav class="main-nav"><a href="/">导航</a><a href="/search">搜索</a><a href="/targets">目标</a><a href="/genzong/">跟踪</a><a href="/ditu">地图</a><a href="/ducha/">督查</a>{{#MODERATOR}}<a href="/guanli/pinglun">审核</a>{{/MODERATOR}}</nav>
</div>
</header>
<main class="wrap">
