#!/usr/bin/perl
# Usage: perl generate-explainers.pl <content-folder> <total>
# Fills <content-folder>/explainers with copies of the explainers already there until it holds <total>:
# copy i of NAME.md is NAME-i.md, its title ends in " (copy i)" and, when it is in a series, it gets a series of
# its own ("SERIES-copy-i", same order), because two explainers cannot share an order in one series.
# Everything else (front matter and body) is kept. Prints how many copies it wrote.
use strict;
use warnings;

my ($root, $total) = @ARGV;
die "usage: generate-explainers.pl <content-folder> <total>\n" unless defined $total && $total =~ /^\d+$/;
my $dir = "$root/explainers";
opendir(my $dh, $dir) or die "cannot read $dir: $!\n";
my @names = sort grep { /\.md\z/ } readdir $dh;
closedir $dh;
die "no explainers in $dir\n" unless @names;

my @sources;
for my $name (@names) {
    open my $in, '<:raw', "$dir/$name" or die "cannot read $dir/$name: $!\n";
    my $text = do { local $/; <$in> };
    close $in;
    $text =~ /\A(---\r?\n.*?\r?\n---[ \t]*\r?\n)(.*)\z/s or die "$name has no front matter\n";
    push @sources, [substr($name, 0, -3), $1, $2];
}

my $copies = $total - @sources;
$copies = 0 if $copies < 0;
for my $i (1 .. $copies) {
    my ($slug, $front, $body) = @{ $sources[($i - 1) % @sources] };
    $front =~ s/^title:[ \t]*"(.*)"[ \t]*$/title: "$1 (copy $i)"/m
        or $front =~ s/^title:[ \t]*'(.*)'[ \t]*$/title: '$1 (copy $i)'/m
        or $front =~ s/^(title:[ \t]*\S.*?)[ \t]*$/$1 (copy $i)/m
        or die "$slug.md has no title line\n";
    $front =~ s/^(series:[ \t]*)(["']?)([^"'\r\n]+?)\2[ \t]*$/$1$2$3-copy-$i$2/m;
    open my $out, '>:raw', "$dir/$slug-$i.md" or die "cannot write $dir/$slug-$i.md: $!\n";
    print $out $front, $body;
    close $out or die "cannot write $dir/$slug-$i.md: $!\n";
}
print "$copies\n";
