#!/bin/sh
echo bye